package servicerunner.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;

/**
 * What a handler returns: a status, its summary (the fields the app's renderer reads) and optional top-level extras
 * such as {@code command} or {@code log_file}. The engine adds task_type, timing and duration.
 */
public record TaskOutcome(Status status, ObjectNode summary, ObjectNode extras) {

  public TaskOutcome {
    summary = summary == null ? Json.object() : summary;
    extras = extras == null ? Json.object() : extras;
  }

  public static TaskOutcome of(Status status, ObjectNode summary) {
    return new TaskOutcome(status, summary, null);
  }

  /** A failure whose {@code error} text becomes the TASK_FAIL reason. */
  public static TaskOutcome failure(String error) {
    return of(Status.FAILURE, Json.object().put("error", error));
  }

  public static TaskOutcome skipped(String reason) {
    return of(Status.SKIPPED, Json.object().put("reason", reason));
  }

  public TaskOutcome withExtra(String key, com.fasterxml.jackson.databind.JsonNode value) {
    extras.set(key, value);
    return this;
  }
}
