package servicerunner.report;

import servicerunner.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import servicerunner.exec.TreeGuard;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOutcome;

/** Builds the final report when the run ends. */
public final class ReportBuilder implements RunObserver {
  private final ObjectNode planMetadata;
  private final String version;
  private volatile ObjectNode report;

  public ReportBuilder(ObjectNode planMetadata, String version) {
    this.planMetadata = planMetadata;
    this.version = version;
  }

  @Override
  public void runFinished(RunOutcome o) {
    report = build(o, planMetadata, version);
  }

  /** The report, or null before the run ended. */
  public ObjectNode report() {
    return report;
  }

  public static ObjectNode build(RunOutcome o, ObjectNode planMetadata, String version) {
    ObjectNode r = Json.object();
    r.put("overall_status", o.overallStatus().id());
    if (o.internalError() != null) {
      r.put("error", o.internalError());
    }
    ArrayNode results = r.putArray("results");
    o.results().forEach(t -> results.add(ResultJson.of(t)));
    // the plan's metadata wins, as in the reference; a view, not a copy (a plan's metadata may be large)
    r.set("metadata", MergedMetadata.of(SystemMetadata.collect(), planMetadata));
    r.put("completed_count", o.completedCount());
    r.put("total_count", o.totalCount());
    r.put("run_timestamp", ResultJson.iso(o.startedAt()));
    r.put("total_duration_seconds", Json.round(Duration.between(o.startedAt(), o.finishedAt()).toNanos() / 1e9, 2));
    r.put("runner_version", version);
    // what ends a task's whole process tree here (exec/TreeGuard): pidns, pgroup, taskkill or tree
    r.put("tree_guard", TreeGuard.current().id());
    if (o.stopReason() != null) {
      r.put("stop_reason", o.stopReason().id());
    }
    return r;
  }

  /** The report for a plan that could not be read: what the app shows instead of results. */
  public static ObjectNode failure(List<String> problems, String version) {
    ObjectNode r = Json.object();
    r.put("overall_status", "failure");
    r.put("error", problems.isEmpty() ? "Invalid plan" : problems.get(0));
    if (problems.size() > 1) {
      ArrayNode all = r.putArray("errors");
      problems.forEach(all::add);
    }
    r.putArray("results");
    r.put("runner_version", version);
    return r;
  }
}
