package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

/** Status rules and the error result shared by both AI task types. */
final class AiOutcomes {
  private AiOutcomes() {}

  static final String MISSING_PARAMETERS = "missing_parameters";
  static final String ENUMERATION_FAILED = "enumeration_failed";
  static final String AI_FAILED = "ai_failed";

  /**
   * The reference's rule: a preview or a clean apply is success; an apply with failures is warning when something
   * was disabled, else error.
   */
  static Status status(boolean applied, int disabled, int errors) {
    if (!applied || errors == 0) {
      return Status.SUCCESS;
    }
    return disabled > 0 ? Status.WARNING : Status.ERROR;
  }

  /**
   * An {@code error} result the app's renderer shows in its red box: human_readable.error and
   * results.error_type, plus a top-level {@code error} so the TASK_FAIL reason is not "Unknown error" (B18).
   * {@code countField} is total_items or total_notifications.
   */
  static TaskOutcome error(String errorType, String message, boolean applyRequested, String modelUsed,
      double seconds, String countField, String listField, List<ObjectNode> enumerated, String rawExcerpt) {
    ObjectNode s = Json.object();
    s.put("error", message);
    ObjectNode hr = s.putObject("human_readable");
    hr.put("verdict", "Failed: " + message);
    hr.put("error", message);
    hr.put("error_type", errorType);
    hr.put("mode", applyRequested ? "Applied Changes" : "Preview Mode");
    hr.put(countField, enumerated.size());
    if (countField.equals("total_items")) {
      hr.put("items_enumerated", enumerated.size());
    }
    hr.put("recommendations", 0);
    hr.put("errors", 0);
    if (modelUsed != null) {
      hr.put("model_used", modelUsed);
    }
    hr.put("duration_seconds", Json.round(seconds, 2));
    ObjectNode r = s.putObject("results");
    r.put("error_type", errorType);
    r.put("error_message", message);
    r.put("enumerated_count", enumerated.size());
    ArrayNode all = r.putArray(listField);
    enumerated.forEach(all::add);
    if (listField.equals("all_items")) {
      r.set("items", all.deepCopy());
    }
    r.putArray("to_disable");
    r.putArray("keep_enabled");
    r.putArray("disabled");
    r.putArray("errors");
    r.putObject("analysis_summary");
    r.put("applied", false);
    if (rawExcerpt != null && !rawExcerpt.isEmpty()) {
      r.put("raw_answer_excerpt", rawExcerpt);
    }
    s.put("duration_seconds", Json.round(seconds, 2));
    return TaskOutcome.of(Status.ERROR, s);
  }
}
