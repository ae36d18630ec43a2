package servicerunner.task.wintools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

/**
 * Gives every outcome a {@code human_readable} object with a one-line verdict, including the early failures (tool
 * not found, launch failure, timeout) whose summaries come from the shared helpers.
 */
public final class HumanReadable {
  private HumanReadable() {}

  public static TaskOutcome ensure(TaskOutcome o) {
    ObjectNode s = o.summary();
    if (s.has("human_readable")) {
      return o;
    }
    ObjectNode hr = s.putObject("human_readable");
    String verdict;
    if (s.path("timed_out").asBoolean(false)) {
      verdict = "timed_out";
    } else if (o.status() == Status.FAILURE || o.status() == Status.ERROR) {
      verdict = "failed";
    } else {
      verdict = o.status().name().toLowerCase(java.util.Locale.ROOT);
    }
    hr.put("verdict", verdict);
    var notes = hr.putArray("notes");
    String error = s.path("error").asText(s.path("reason").asText(""));
    if (!error.isEmpty()) {
      notes.add(error);
    }
    return o;
  }
}
