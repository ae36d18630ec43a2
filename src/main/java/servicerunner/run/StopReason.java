package servicerunner.run;

import java.util.Locale;

/** Why a run stopped before its last task; {@link #id} is the text of {@code RUN_STOPPED:} and the report. */
public enum StopReason {
  USER_REQUESTED("stopped"),
  SIGNAL("interrupted by a signal"),
  OUTPUT_CLOSED("ended because the app closed its output pipe"),
  OBSERVER_FAILED("ended because one of its outputs failed"),
  PARENT_EXITED("ended because the app that started it exited"),
  CANCELLED("cancelled by its caller"),
  INTERNAL_ERROR("ended by an internal error"),
  /** A task with {@code "on_failure": "stop"} failed; see {@link RunController#failedTask}. */
  TASK_FAILED("stopped because a task failed");

  private final String text;

  StopReason(String text) {
    this.text = text;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "the run was <text>", for the tasks it never reached. */
  String text() {
    return text;
  }
}
