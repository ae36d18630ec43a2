package servicerunner.protocol;

import servicerunner.run.Progress;
import servicerunner.run.RunObserver;
import servicerunner.run.TaskResult;

import java.util.List;
import servicerunner.json.Formats;
import servicerunner.json.Json;
import servicerunner.progress.ProgressEvent;
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

  /** Longest type shown in a marker: a plan's type is free text (a 1 MB type put 5 MB on stderr per task). */
  static final int MAX_TYPE = 120;

  /**
   * The type as markers show it: escaped to ASCII, cut to {@link #MAX_TYPE}, and with '-' escaped, because the
   * app splits {@code TASK_SKIP:i:type - reason} at the first hyphen ({@code ping-test} was read as "ping").
   */
  static String shownType(String type) {
    if (type == null || type.isEmpty()) {
      return "unknown";
    }
    String t = type.length() > MAX_TYPE ? type.substring(0, MAX_TYPE) + "..." : type;
    return Ascii.escape(t).replace("-", "\\u002d");
  }

  @Override
  public void runStarted(int total) {
    this.total = total;
  }

  /** Longest runner log line (before escaping): a line echoes plan text, which may be megabytes on one line. */
  static final int MAX_LOG = 16 * 1024;

  @Override
  public void log(String line) {
    sink.writeLine(logLine(line));
  }

  @Override
  public void logAll(List<String> lines) {
    sink.writeLines(lines.stream().map(MarkerObserver::logLine).toArray(String[]::new));
  }

  private static String logLine(String line) {
    String l = line.length() <= MAX_LOG ? line
        : line.substring(0, MAX_LOG) + "... (" + (line.length() - MAX_LOG) + " more characters)";
    return Ascii.freeText(l);
  }

  @Override
  public void taskStarted(int index, String type) {
    sink.writeLines("TASK_START:" + index + ":" + shownType(type),
        "Starting task " + (index + 1) + "/" + total + ": " + shownType(type));
  }

  @Override
  public void taskOutput(int index, String type, String line) {
    sink.writeLine("[" + index + ":" + shownType(type) + "] " + Ascii.escape(line));
  }

  /**
   * {@code TASK_PROGRESS:<i>:<type>:<json>}: the type as other markers show it, with ':' also escaped so the JSON
   * starts after the second colon; the JSON is one ASCII line (Json.compact). It starts with TASK_, so no tool line
   * can produce it: those carry the {@code [i:type] } prefix.
   */
  @Override
  public void taskProgress(int index, String type, ProgressEvent event) {
    sink.writeLine("TASK_PROGRESS:" + index + ":" + shownType(type).replace(":", "\\u003a") + ":"
        + Json.compact(event.toJson()));
  }

  @Override
  public void taskFinished(TaskResult r, Progress progress) {
    sink.writeLines(marker(r),
        "Task " + shownType(r.taskType()) + " took " + Formats.fixed(r.durationSeconds(), 2) + " seconds");
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
