package servicerunner.task.bleachbit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.json.Json;

/**
 * Reads BleachBit's console output (stdout of {@code bleachbit --preview|--clean}) into summary fields. Pure: text in,
 * summary out.
 *
 * <p>Format (vendor source {@code Worker.py}, checked against bleachbit 4.4.2 on Debian): one line per action,
 * {@code <label> <size> <path>}, then a summary block where {@code Disk space (to be )?recovered:} and
 * {@code Files (to be )?deleted:} always appear and {@code Special operations:} / {@code Errors:} appear only when
 * non-zero. BleachBit exits 0 even when operations failed, so a missing summary block means the worker died (an
 * unknown cleaner id raises a KeyError before the summary prints).
 */
public final class BleachbitOutputParser {
  private BleachbitOutputParser() {}

  /** Deleted-file entries kept in the summary; the total is always reported. */
  static final int MAX_FILES = 100;

  private static final Pattern SPACE = Pattern.compile("^Disk space (to be )?recovered:\\s*(.+?)\\s*$");
  private static final Pattern FILES = Pattern.compile("^Files (to be )?deleted:\\s*(\\d+)\\s*$");
  private static final Pattern SPECIAL = Pattern.compile("^Special operations:\\s*(\\d+)\\s*$");
  private static final Pattern ERRORS = Pattern.compile("^Errors:\\s*(\\d+)\\s*$");
  private static final Pattern ACTION =
      Pattern.compile("^(\\S.*?) (-?\\d+(?:[.,]\\d+)?[kKMGTPE]?i?B|\\?B) ?(.*)$");
  private static final Pattern BLOCKED = Pattern.compile("^(.+?) cannot be cleaned because (.*)$");
  private static final Pattern PROBLEM = Pattern.compile("(?i)\\b(error|failed|cannot|unable|exception)\\b");

  public static ObjectNode parse(String stdout) {
    ObjectNode s = Json.object();
    String mode = null;
    String spaceText = null;
    Long space = null;
    Integer files = null;
    int special = 0;
    int errors = 0;
    boolean noWork = false;
    int actions = 0;
    ArrayNode deleted = Json.array();
    ArrayNode blocked = Json.array();
    ArrayNode messages = Json.array();
    for (String raw : stdout.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = SPACE.matcher(line)).matches()) {
        mode = m.group(1) != null ? "preview" : "clean";
        spaceText = m.group(2);
        space = HumanSize.parse(spaceText);
      } else if ((m = FILES.matcher(line)).matches()) {
        files = Integer.parseInt(m.group(2));
      } else if ((m = SPECIAL.matcher(line)).matches()) {
        special = Integer.parseInt(m.group(1));
      } else if ((m = ERRORS.matcher(line)).matches()) {
        errors = Integer.parseInt(m.group(1));
      } else if (line.startsWith("No work to do")) {
        noWork = true;
      } else if ((m = BLOCKED.matcher(line)).matches()) {
        blocked.add(m.group(1));
        messages.add(line);
      } else if ((m = ACTION.matcher(line)).matches()) {
        actions++;
        if (deleted.size() < MAX_FILES) {
          ObjectNode f = deleted.addObject();
          f.put("action", m.group(1));
          f.put("path", m.group(3));
          f.put("size_bytes", HumanSize.parse(m.group(2)));
          f.put("size_display", m.group(2));
        }
      } else if (PROBLEM.matcher(line).find()) {
        messages.add(line);
      }
    }
    boolean summaryFound = spaceText != null && files != null;
    if (summaryFound && files == 0 && space != null && space == 0 && actions == 0) {
      noWork = true; // reference rule: "0B" and "0" files means there was nothing to clean
    }
    s.put("summary_found", summaryFound).put("mode", mode).put("space_recovered_bytes", space)
        .put("space_recovered_display", spaceText).put("files_deleted", files == null ? null : files.longValue())
        .put("special_operations", special).put("errors", errors).put("no_work", noWork).put("actions_total", actions);
    s.set("deleted_files", deleted);
    s.put("deleted_files_truncated", actions > deleted.size());
    s.set("blocked_cleaners", blocked);
    s.set("error_messages", messages);
    return s;
  }

  /**
   * Error lines BleachBit logged on stderr ("Exception while running operation ...", "Error: ...", permission
   * errors), without tracebacks and the GTK noise a headless machine prints.
   */
  public static ArrayNode stderrErrors(String stderr, int max) {
    ArrayNode out = Json.array();
    for (String raw : stderr.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty() || raw.startsWith(" ") || line.startsWith("Traceback") || line.contains("Gdk-CRITICAL")
          || line.contains("Gtk-WARNING")) {
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.contains("error") || lower.contains("exception") || lower.contains("failed")
          || lower.contains("permission denied")) {
        if (out.size() < max) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
