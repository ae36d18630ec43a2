package servicerunner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.task.Status;

/**
 * One finished task. {@code json} is the result object exactly as the report and PROGRESS_JSON carry it (task_type,
 * status, summary, extras, timing), built once.
 */
public record TaskResult(int index, String taskType, Status status, ObjectNode json, double durationSeconds) {

  public ObjectNode summary() {
    return (ObjectNode) json.get("summary");
  }
}
