package servicerunner.task.kvrt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.json.Json;
import servicerunner.text.Text;

/**
 * Parses KVRT's console report (English only; the lines RustService and AutoService both match). Pure function:
 * text in, summary fields out. {@code recognised} is false when none of the statistics lines appeared, which the
 * handler reports as "unknown" instead of guessing a clean scan.
 */
public final class KvrtOutputParser {
  private KvrtOutputParser() {}

  private static final Map<String, Pattern> COUNTS = new LinkedHashMap<>();

  static {
    COUNTS.put("processed", Pattern.compile("^\\s*Processed:\\s*(\\d+)", Pattern.CASE_INSENSITIVE));
    COUNTS.put("processing_errors", Pattern.compile("^\\s*Processing errors:\\s*(\\d+)", Pattern.CASE_INSENSITIVE));
    COUNTS.put("detected", Pattern.compile("^\\s*Detected:\\s*(\\d+)", Pattern.CASE_INSENSITIVE));
    COUNTS.put("password_protected", Pattern.compile("^\\s*Password protected:\\s*(\\d+)", Pattern.CASE_INSENSITIVE));
    COUNTS.put("corrupted", Pattern.compile("^\\s*Corrupted:\\s*(\\d+)", Pattern.CASE_INSENSITIVE));
  }

  private static final Pattern THREAT =
      Pattern.compile("Threat\\s+(.+?)\\s+is detected on object\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile(
      "Action\\s+(.+?)\\s+is selected for threat\\s+(.+?)\\s+on object\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final String[] REMOVING_ACTIONS = {"delete", "disinfect", "quarantine", "neutraliz", "remove"};

  public static ObjectNode parse(String text) {
    ObjectNode s = Json.object();
    boolean recognised = false;
    COUNTS.keySet().forEach(key -> s.put(key, 0));
    // Detections keyed by threat + object so a later Action line fills in the action of the detection it names.
    Map<String, ObjectNode> detections = new LinkedHashMap<>();
    for (String line : Text.lines(text)) {
      for (Map.Entry<String, Pattern> e : COUNTS.entrySet()) {
        Matcher m = e.getValue().matcher(line);
        if (m.find()) {
          s.put(e.getKey(), Long.parseLong(m.group(1)));
          recognised = true;
        }
      }
      Matcher a = ACTION.matcher(line);
      if (a.find()) {
        ObjectNode d = detections.computeIfAbsent(key(a.group(2), a.group(3)), k -> detection(a.group(2), a.group(3)));
        d.put("action", a.group(1));
        continue;
      }
      Matcher t = THREAT.matcher(line);
      if (t.find()) {
        detections.computeIfAbsent(key(t.group(1), t.group(2)), k -> detection(t.group(1), t.group(2)));
      }
    }
    s.putArray("detections").addAll(detections.values());
    long removed = detections.values().stream().map(d -> d.path("action").asText("").toLowerCase(Locale.ROOT))
        .filter(action -> Arrays.stream(REMOVING_ACTIONS).anyMatch(action::contains)).count();
    s.put("removed_count", (int) removed);
    s.put("recognised", recognised);
    return s;
  }

  private static String key(String threat, String object) {
    return threat + "\u0000" + object;
  }

  private static ObjectNode detection(String threat, String object) {
    return Json.object().put("threat", threat).putNull("action").put("object_path", object);
  }
}
