package servicerunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The text after " - " in TASK_FAIL and TASK_SKIP. The reference printed "Unknown error" for every failure whose
 * summary had no error or reason (B18); here the summary's verdict or the status is used before giving up.
 */
final class FailReason {
  private FailReason() {}

  static String of(TaskResult r) {
    ObjectNode s = r.summary();
    for (String key : new String[] {"reason", "error"}) {
      String t = text(s.get(key));
      if (t != null) {
        return t;
      }
    }
    JsonNode hr = s.get("human_readable");
    if (hr != null) {
      String t = hr.isTextual() ? text(hr) : firstText(hr, "message", "verdict", "summary_line");
      if (t != null) {
        return t;
      }
    }
    String t = text(s.get("message"));
    if (t != null) {
      return t;
    }
    JsonNode code = s.get("exit_code");
    return "Task reported " + r.status().id() + (code != null && code.isNumber() ? " (exit code " + code.asText() + ")" : "");
  }

  static String skipReason(TaskResult r) {
    String t = text(r.summary().get("reason"));
    return t != null ? t : "Skipped";
  }

  private static String firstText(JsonNode n, String... keys) {
    for (String k : keys) {
      String t = text(n.get(k));
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String t = n.asText();
    return t.isBlank() ? null : t;
  }
}
