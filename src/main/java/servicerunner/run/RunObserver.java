package servicerunner.run;

import java.util.List;
import servicerunner.progress.ProgressEvent;

/**
 * Lifecycle events of a run. Observers are composed (see {@link CompositeObserver}); each handles events on its own,
 * so a new output is a new observer, never an {@code if} in the engine. {@link #taskOutput} is called from process
 * pump threads; task events from the engine thread, or in a parallel run from each task's own thread (never two
 * events at once: {@link CompositeObserver} passes one event at a time).
 */
public interface RunObserver {
  RunObserver NONE = new RunObserver() {};

  default void runStarted(int total) {}

  /** A free-text line from the runner itself (never a marker). */
  default void log(String line) {}

  /** Several such lines at once, kept together (the plan's task list at the start: one write, not one per task). */
  default void logAll(List<String> lines) {
    lines.forEach(this::log);
  }

  default void taskStarted(int index, String type) {}

  /** One line of a child's output, or a handler's own log line. */
  default void taskOutput(int index, String type, String line) {}

  /**
   * In-task progress or a heartbeat ({@code TASK_PROGRESS}); only between the task's start and its end. Called from
   * pump threads and the shared progress timer.
   */
  default void taskProgress(int index, String type, ProgressEvent event) {}

  default void taskFinished(TaskResult result, Progress progress) {}

  /** A task skipped without running (unknown type, user skip before start, run stopped). */
  default void taskSkipped(TaskResult result, Progress progress, boolean withProgress) {
    taskFinished(result, progress);
  }

  /**
   * A task's state changed (pending, waiting and for what, running, ended); for library callers and status views,
   * never shown on stderr. Called from the thread that changed it.
   */
  default void taskStateChanged(TaskState state) {}

  default void runPaused(String reason) {}

  default void runResumed(String reason) {}

  default void runStopped(String reason) {}

  default void runFinished(RunOutcome outcome) {}
}
