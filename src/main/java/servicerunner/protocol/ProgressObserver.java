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

  private void write(String prefix, ObjectNode o) {
    String line = Json.compact(o, mode.lineLimit() - prefix.length()).orElseGet(() -> {
      o.remove("results");
      o.put("results_omitted", true);
      return Json.compact(o);
    });
    sink.writeLine(prefix + line);
  }

  @Override
  public void taskFinished(TaskResult result, Progress p) {
    ObjectNode o = Json.object();
    ObjectNode json = ResultJson.of(result);
    o.put("type", "progress");
    o.put("completed", p.completed());
    o.put("total", p.total());
    if (mode == ProgressMode.STUBS) {
      // the full result already sits at results[i]; last_result only feeds the app's one-line log text
      o.set("last_result", Json.object().put("task_type", result.taskType()).put("status", result.status().id()));
    } else {
      o.set("last_result", json);
    }
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
    write("PROGRESS_JSON:", o);
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
    write("PROGRESS_JSON_FINAL:", o);
  }
}
