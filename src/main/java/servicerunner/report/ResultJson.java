package servicerunner.report;

import servicerunner.json.Formats;
import servicerunner.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import servicerunner.run.Attempt;
import servicerunner.run.Ending;
import servicerunner.run.TaskResult;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.figures.UnknownFigures;

/** Builds a task's result object as the app reads it: task_type, status, summary, extras, timing. */
public final class ResultJson {
  private ResultJson() {}

  /** The result object of one ended task, as the report, PROGRESS_JSON and the journal carry it. */
  public static ObjectNode of(TaskResult r) {
    ObjectNode json = ofEnding(r);
    if (!r.attempts().isEmpty()) {
      ArrayNode a = json.putArray("attempts");
      for (Attempt at : r.attempts()) {
        ObjectNode o = a.addObject().put("attempt", at.number()).put("status", at.status().id());
        if (at.reason() != null) {
          o.put("reason", at.reason());
        }
        o.put("duration_seconds", at.durationSeconds());
      }
    }
    return json;
  }

  private static ObjectNode ofEnding(TaskResult r) {
    Ending e = r.ending();
    if (e instanceof Ending.Ran) {
      return of(r.taskType(), ((Ending.Ran) e).outcome(), r.startedAt(), r.finishedAt(), r.durationSeconds());
    }
    if (e instanceof Ending.Resumed) {
      ObjectNode json = ((Ending.Resumed) e).result().deepCopy();
      json.put("resumed", true);
      return json;
    }
    boolean started = e instanceof Ending.SkippedByUser ? ((Ending.SkippedByUser) e).started()
        : e instanceof Ending.Interrupted && ((Ending.Interrupted) e).started();
    return started
        ? of(r.taskType(), TaskOutcome.skipped(r.reason()), r.startedAt(), r.finishedAt(), r.durationSeconds())
        : notRun(r.taskType(), r.status(), r.reason(), r.startedAt());
  }

  static ObjectNode of(
      String taskType, TaskOutcome outcome, Instant startedAt, Instant finishedAt, double durationSeconds) {
    ObjectNode r = Json.object();
    r.put("task_type", taskType);
    r.put("status", outcome.status().id());
    // after finite(): a NaN figure became null there, and an unknown figure is left out (UnknownFigures)
    ObjectNode summary = UnknownFigures.dropFromHumanReadable((ObjectNode) Json.finite(outcome.summary()));
    double rounded = Json.round(durationSeconds, 2);
    if (!summary.has("duration_seconds")) {
      // handlers may set their own (chkdsk's reported duration, iperf's test length), as the reference does
      summary.put("duration_seconds", rounded);
    }
    r.set("summary", summary);
    for (Iterator<Map.Entry<String, JsonNode>> it = outcome.extras().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!r.has(e.getKey())) {
        r.set(e.getKey(), Json.finite(e.getValue()));
      }
    }
    r.put("duration_seconds", rounded);
    r.put("started_at", iso(startedAt));
    r.put("finished_at", iso(finishedAt));
    return r;
  }

  /** A result for a task that did not run (unknown type, skip before start, stopped run). */
  static ObjectNode notRun(String taskType, Status status, String reason, Instant at) {
    ObjectNode r = Json.object();
    r.put("task_type", taskType);
    r.put("status", status.id());
    r.putObject("summary").put("reason", reason);
    r.put("duration_seconds", 0.0);
    r.put("started_at", iso(at));
    r.put("finished_at", iso(at));
    return r;
  }

  public static String iso(Instant t) {
    return Formats.isoMillis(t); // t.truncatedTo(ChronoUnit.MILLIS).toString(), without DateTimeFormatter
  }
}
