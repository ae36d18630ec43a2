package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** The app's exact regexes (autoservice-ui-contract.md section 3), used to check every marker line a test sees. */
public final class Protocol {
  private Protocol() {}

  public static final Pattern TASK_START = Pattern.compile("^TASK_START:(\\d+):(.+)$");
  public static final Pattern TASK_OK = Pattern.compile("^TASK_OK:(\\d+):(.+)$");
  public static final Pattern TASK_FAIL = Pattern.compile("^TASK_FAIL:(\\d+):(.+?)(?:\\s*-\\s*(.+))?$");
  public static final Pattern TASK_SKIP = Pattern.compile("^TASK_SKIP:(\\d+):(.+?)(?:\\s*-\\s*(.+))?$");
  public static final Pattern RUN_STOPPED = Pattern.compile("^RUN_STOPPED:(.+)$");
  public static final Pattern RUN_PAUSED = Pattern.compile("^RUN_PAUSED:(.+)$");
  public static final Pattern RUN_RESUMED = Pattern.compile("^RUN_RESUMED:(.+)$");
  /** In-task progress (README protocol table): index, type without ':', one-line JSON object. */
  public static final Pattern TASK_PROGRESS = Pattern.compile("^TASK_PROGRESS:(\\d+):([^:]+):(\\{.*\\})$");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static boolean isMarker(String l) {
    return l.startsWith("TASK_") || l.startsWith("RUN_") || l.startsWith("PROGRESS_JSON");
  }

  public static void assertClean(List<String> lines) {
    java.util.Set<String> running = new java.util.HashSet<>();
    for (String l : lines) {
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (c >= 0x80 || (c < 0x20 && c != '\t')) {
          fail("stderr line has a non-ASCII or control byte at " + i + ": " + l);
        }
      }
      if (l.startsWith("PROGRESS_JSON_FINAL:") || l.startsWith("PROGRESS_JSON:")) {
        String json = l.substring(l.indexOf(':') + 1).trim();
        try {
          MAPPER.readTree(json);
        } catch (IOException e) {
          fail("PROGRESS line is not single-line JSON: " + l);
        }
        continue;
      }
      if (l.startsWith("TASK_PROGRESS:")) {
        var m = TASK_PROGRESS.matcher(l);
        if (!m.matches()) {
          fail("TASK_PROGRESS does not match " + TASK_PROGRESS + ": " + l);
        }
        if (!running.contains(m.group(1))) {
          fail("TASK_PROGRESS outside its task's TASK_START and end marker: " + l);
        }
        try {
          MAPPER.readTree(m.group(3));
        } catch (IOException e) {
          fail("TASK_PROGRESS JSON does not parse: " + l);
        }
        continue;
      }
      var index = java.util.regex.Pattern.compile("^TASK_[A-Z]+:(\\d+):").matcher(l);
      if (index.find()) {
        if (l.startsWith("TASK_START:")) {
          running.add(index.group(1));
        } else {
          running.remove(index.group(1));
        }
      }
      Pattern p = null;
      if (l.startsWith("TASK_START:")) {
        p = TASK_START;
      } else if (l.startsWith("TASK_OK:")) {
        p = TASK_OK;
      } else if (l.startsWith("TASK_FAIL:")) {
        p = TASK_FAIL;
      } else if (l.startsWith("TASK_SKIP:")) {
        p = TASK_SKIP;
      } else if (l.startsWith("RUN_STOPPED:")) {
        p = RUN_STOPPED;
      } else if (l.startsWith("RUN_PAUSED:")) {
        p = RUN_PAUSED;
      } else if (l.startsWith("RUN_RESUMED:")) {
        p = RUN_RESUMED;
      } else if (l.startsWith("TASK_") || l.startsWith("RUN_")) {
        fail("line looks like a marker but is none the app knows: " + l);
      }
      if (p != null && !p.matcher(l).matches()) {
        fail("marker does not match the app's regex " + p + ": " + l);
      }
    }
  }
}
