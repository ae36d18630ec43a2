package servicerunner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.task.Status;

/**
 * One ended task: how it ended and when. The report's JSON for it is built at the edges ({@code report}).
 *
 * @param attempts each run of a task with a {@code retry}, in order; empty for every other task
 */
public record TaskResult(int index, String taskType, Ending ending, Instant startedAt, Instant finishedAt,
    double durationSeconds, List<Attempt> attempts) {

  public TaskResult {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  public TaskResult(
      int index, String taskType, Ending ending, Instant startedAt, Instant finishedAt, double durationSeconds) {
    this(index, taskType, ending, startedAt, finishedAt, durationSeconds, List.of());
  }

  public Status status() {
    return ending.status();
  }

  /** The TASK_FAIL / TASK_SKIP text; null for a task that succeeded. */
  public String reason() {
    return ending.reason();
  }

  /** The type's summary (read-only by convention); for a task that did not run, {@code {"reason": …}}. */
  public ObjectNode summary() {
    if (ending instanceof Ending.Ran) {
      return ((Ending.Ran) ending).outcome().summary();
    }
    if (ending instanceof Ending.Resumed) {
      return (ObjectNode) ((Ending.Resumed) ending).result().path("summary");
    }
    return Json.object().put("reason", reason());
  }

  /** Whether a resumed run has this task's final answer (the journal records exactly these). */
  public boolean isFinal() {
    return !(ending instanceof Ending.Interrupted) && !(ending instanceof Ending.Resumed);
  }
}
