package servicerunner.protocol;

import servicerunner.report.ResultJson;
import servicerunner.run.Progress;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOutcome;
import servicerunner.run.TaskResult;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;

/**
 * Writes PROGRESS_JSON after every task and PROGRESS_JSON_FINAL at the end, one line each. Every line is bounded
 * ({@link ProgressMode#lineLimit}): a line that would be longer goes out without {@code results} and with
 * {@code "results_omitted": true}. Nothing the app needs is lost that way: the markers already set every row, and
 * the final state comes from the report.
 */
public final class ProgressObserver implements RunObserver {
  private final LineSink sink;
  private final ProgressMode mode;

  public ProgressObserver(LineSink sink, ProgressMode mode) {
    this.sink = sink;
    this.mode = mode;
  }

  private String line(String prefix, ObjectNode o) {
    return Json.compact(o, mode.lineLimit() - prefix.length()).orElseGet(() -> {
      o.remove("results");
      o.put("results_omitted", true);
      return Json.compact(o);
    });
  }

  @Override
  public void taskFinished(TaskResult result, Progress p) {
    if (mode == ProgressMode.STUBS && writeStubs(result, p)) {
      return;
    }
    sink.writeLine("PROGRESS_JSON:" + asTree(result, p));
  }

  /**
   * The default mode's line, written as text: the nulls before the newest result are appended, not made into a tree
   * node each (task 500's line has 499 of them, on every task of the run). The same bytes as the tree; false when
   * the line would be over the bound, which the tree path handles.
   */
  private boolean writeStubs(TaskResult result, Progress p) {
    String head = Json.compact(head(result, p, null));
    String json = Json.compact(ResultJson.of(result));
    String status = Json.compact(Json.NODES.textNode(p.overallStatus().id()));
    int index = result.index();
    String results = ",\"results\":[";
    String tail = "],\"overall_status\":";
    long length = head.length() - 1 + results.length() + 5L * index + json.length() + tail.length()
        + status.length() + 1;
    if (length > mode.lineLimit() - "PROGRESS_JSON:".length()) {
      return false;
    }
    StringBuilder line = new StringBuilder("PROGRESS_JSON:".length() + (int) length);
    line.append("PROGRESS_JSON:").append(head, 0, head.length() - 1).append(results);
    for (int i = 0; i < index; i++) {
      line.append("null,");
    }
    line.append(json).append(tail).append(status).append('}');
    sink.writeLine(line.toString());
    return true;
  }

  private ObjectNode head(TaskResult result, Progress p, ObjectNode json) {
    ObjectNode o = Json.object();
    o.put("type", "progress");
    o.put("completed", p.completed());
    o.put("total", p.total());
    // in the default mode the full result already sits at results[i]; last_result only feeds the app's log text
    o.set("last_result", mode == ProgressMode.STUBS
        ? Json.object().put("task_type", result.taskType()).put("status", result.status().id()) : json);
    return o;
  }

  /** The line as one tree (every mode; the default mode's when its text would be over the bound). */
  String asTree(TaskResult result, Progress p) {
    ObjectNode json = ResultJson.of(result);
    ObjectNode o = head(result, p, json);
    if (mode == ProgressMode.FULL) {
      ArrayNode results = o.putArray("results");
      for (TaskResult r : p.resultsByIndex()) {
        if (r != null) {
          results.add(r == result ? json : ResultJson.of(r));
        }
      }
    } else if (mode == ProgressMode.STUBS) {
      ArrayNode results = o.putArray("results");
      for (int i = 0; i < result.index(); i++) {
        results.addNull();
      }
      results.add(json);
    }
    o.put("overall_status", p.overallStatus().id());
    return line("PROGRESS_JSON:", o);
  }

  @Override
  public void taskSkipped(TaskResult result, Progress progress, boolean withProgress) {
    if (withProgress) {
      taskFinished(result, progress);
    }
  }

  @Override
  public void runFinished(RunOutcome outcome) {
    ObjectNode o = Json.object();
    o.put("type", "final");
    o.put("completed", outcome.completedCount());
    o.put("total", outcome.totalCount());
    if (mode != ProgressMode.NONE) {
      ArrayNode results = o.putArray("results");
      outcome.results().forEach(r -> results.add(ResultJson.of(r)));
    }
    o.put("overall_status", outcome.overallStatus().id());
    sink.writeLine("PROGRESS_JSON_FINAL:" + line("PROGRESS_JSON_FINAL:", o));
  }
}
