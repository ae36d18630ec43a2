package servicerunner.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;

/**
 * What a handler returns: a status, the reason when the task did not succeed (the text of TASK_FAIL/TASK_SKIP,
 * given explicitly, never guessed from summary keys), the verdict the type declares (may be null for types without
 * verdicts), its summary (the fields the app's renderer reads) and top-level extras such as {@code command}. The
 * engine adds task_type, timing and duration.
 */
public record TaskOutcome(Status status, String reason, Verdict verdict, ObjectNode summary, ObjectNode extras) {

  public TaskOutcome {
    if (status == null) {
      throw new IllegalArgumentException("a task outcome needs a status");
    }
    if ((status.isFailure() || status == Status.SKIPPED) && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a " + status.id() + " outcome needs its reason");
    }
    summary = summary == null ? Json.object() : summary;
    extras = extras == null ? Json.object() : extras;
  }

  /** An outcome whose reason is the verdict's sentence. */
  public static TaskOutcome of(Status status, Verdict verdict, ObjectNode summary) {
    return new TaskOutcome(status, verdict.sentence(), verdict, summary, null);
  }

  /** A success or warning that has no verdict of its own. */
  public static TaskOutcome ok(Status status, ObjectNode summary) {
    return new TaskOutcome(status, null, null, summary, null);
  }

  /** A failure whose {@code error} text is the reason; the summary gets {@code error} and the common verdict. */
  public static TaskOutcome failure(String error) {
    return failure(Json.object(), "failed", error);
  }

  /** A failure with its verdict id, the error sentence also put in the summary as {@code error}. */
  public static TaskOutcome failure(ObjectNode summary, String verdictId, String error) {
    Verdict v = Verdict.of(verdictId, error);
    summary.put("error", error);
    v.writeTo(summary);
    return new TaskOutcome(Status.FAILURE, error, v, summary, null);
  }

  public static TaskOutcome skipped(String reason) {
    return new TaskOutcome(Status.SKIPPED, reason, null, Json.object().put("reason", reason), null);
  }

  public static TaskOutcome skipped(String reason, ObjectNode summary) {
    summary.put("reason", reason);
    return new TaskOutcome(Status.SKIPPED, reason, null, summary, null);
  }

  /** A copy with one more top-level extra (the engine never mutates an outcome it was handed). */
  public TaskOutcome withExtra(String key, JsonNode value) {
    ObjectNode e = extras.deepCopy();
    e.set(key, value);
    return new TaskOutcome(status, reason, verdict, summary, e);
  }
}
