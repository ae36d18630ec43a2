package servicerunner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;

/**
 * The plan's top-level {@code heartbeat_seconds}: how long a running task may stay without a progress event before
 * a {@code TASK_PROGRESS} heartbeat says it is still alive (and again every interval while the silence lasts).
 */
public final class HeartbeatSetting {
  public static final String KEY = "heartbeat_seconds";
  public static final Duration DEFAULT = Duration.ofSeconds(15);
  /** At least a second: more often is noise in a log the app keeps whole; at most an hour, or it says nothing. */
  static final double MIN_SECONDS = 1;
  static final double MAX_SECONDS = 3600;

  private HeartbeatSetting() {}

  /** Its entry in the plan's JSON schema ({@code --plan-schema}). */
  static ObjectNode schema() {
    return Json.object().put("type", "number").put("minimum", MIN_SECONDS).put("maximum", MAX_SECONDS)
        .put("default", DEFAULT.toSeconds()).put("description", "Seconds without a TASK_PROGRESS event before a"
            + " heartbeat, and between heartbeats while the silence lasts.");
  }

  /** The plan's value, or the default; a wrong one is a problem with its path. */
  static Duration read(JsonNode root, List<String> problems) {
    JsonNode v = root.isObject() ? root.get(KEY) : null;
    if (v == null) {
      return DEFAULT;
    }
    if (!v.isNumber() || !(v.asDouble() >= MIN_SECONDS) || !(v.asDouble() <= MAX_SECONDS)) {
      problems.add(KEY + ": expected a number of seconds from " + (long) MIN_SECONDS + " to " + (long) MAX_SECONDS
          + ", got " + ParamValidator.describe(v));
      return DEFAULT;
    }
    return Duration.ofMillis(Math.round(v.asDouble() * 1000));
  }
}
