package servicerunner.protocol;

import servicerunner.run.Progress;
import servicerunner.run.RunObserver;
import servicerunner.run.TaskResult;

import java.util.Locale;
import servicerunner.task.Status;

/**
 * Writes the marker protocol the app parses (TASK_START/OK/FAIL/SKIP, RUN_*), the runner's free-text lines, and
 * child output prefixed with {@code [index:type]} so that no tool can print a marker.
 */
public final class MarkerObserver implements RunObserver {
  static final int MAX_REASON = 500;
  private final LineSink sink;
  private int total;

  public MarkerObserver(LineSink sink) {
    this.sink = sink;
  }

  static String shownType(String type) {
    return type == null || type.isEmpty() ? "unknown" : Ascii.escape(type);
  }

  @Override
  public void runStarted(int total) {
    this.total = total;
  }

  @Override
  public void log(String line) {
    sink.writeLine(Ascii.freeText(line));
  }

  @Override
  public void taskStarted(int index, String type) {
    sink.writeLine("TASK_START:" + index + ":" + shownType(type));
    sink.writeLine("Starting task " + (index + 1) + "/" + total + ": " + shownType(type));
  }

  @Override
  public void taskOutput(int index, String type, String line) {
    sink.writeLine("[" + index + ":" + shownType(type) + "] " + Ascii.escape(line));
  }

  @Override
  public void taskFinished(TaskResult r, Progress progress) {
    sink.writeLine(marker(r));
    sink.writeLine(String.format(Locale.ROOT, "Task %s took %.2f seconds", shownType(r.taskType()), r.durationSeconds()));
  }

  @Override
  public void taskSkipped(TaskResult r, Progress progress, boolean withProgress) {
    sink.writeLine(marker(r));
  }

  static String marker(TaskResult r) {
    String head = ":" + r.index() + ":" + shownType(r.taskType());
    if (r.status() == Status.SKIPPED) {
      return "TASK_SKIP" + head + " - " + Ascii.reason(r.reason() == null ? "Skipped" : r.reason(), MAX_REASON);
    }
    if (r.status().isFailure()) {
      return "TASK_FAIL" + head + " - " + Ascii.reason(r.reason(), MAX_REASON);
    }
    return "TASK_OK" + head;
  }

  @Override
  public void runPaused(String reason) {
    sink.writeLine("RUN_PAUSED:" + reason);
  }

  @Override
  public void runResumed(String reason) {
    sink.writeLine("RUN_RESUMED:" + reason);
  }

  @Override
  public void runStopped(String reason) {
    sink.writeLine("RUN_STOPPED:" + reason);
  }
}
