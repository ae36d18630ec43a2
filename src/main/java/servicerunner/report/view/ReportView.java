package servicerunner.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's report as people read it. {@code json} is the report text exactly as it was written, so the HTML can
 * carry it for tools to read back.
 */
public final class ReportView {
  private final String source;
  private final JsonNode report;
  private final String json;
  private final List<TaskView> tasks;

  /**
   * @param source where the report came from (a file name), or null for the run that just ended
   * @param labels the plan's ui_label per task index (may be empty or shorter than the results)
   */
  public ReportView(String source, JsonNode report, String json, List<String> labels) {
    this.source = source;
    this.report = report;
    this.json = json;
    List<TaskView> list = new ArrayList<>();
    JsonNode results = report.path("results");
    for (int i = 0; i < results.size(); i++) {
      list.add(new TaskView(i, results.get(i), i < labels.size() ? labels.get(i) : null));
    }
    this.tasks = Collections.unmodifiableList(list);
  }

  /** Null when the JSON has the shape of a service-runner report, else what is wrong with it. */
  public static String problem(JsonNode root) {
    if (root == null || !root.isObject()) {
      return "expected a JSON object with overall_status and results, got " + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (!root.path("overall_status").isTextual()) {
      return "overall_status: expected a string (is this a service-runner report?)";
    }
    JsonNode results = root.get("results");
    if (results == null || !results.isArray()) {
      return "results: expected an array of task results";
    }
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      if (!r.isObject() || !r.path("task_type").isTextual() || !r.path("status").isTextual()) {
        return "results[" + i + "]: expected an object with task_type and status";
      }
    }
    return null;
  }

  public String source() {
    return source;
  }

  public JsonNode json() {
    return report;
  }

  public String text() {
    return json;
  }

  public List<TaskView> tasks() {
    return tasks;
  }

  public JsonNode metadata() {
    JsonNode m = report.get("metadata");
    return m != null && m.isObject() ? m : MissingNode.getInstance();
  }

  public String meta(String key) {
    return Text.of(metadata().get(key));
  }

  /** The host's name, or the report's file name when the report does not say. */
  public String hostname() {
    String h = meta("hostname");
    if (h != null) {
      return h;
    }
    return source != null ? source : "this computer";
  }

  public String overallStatus() {
    String s = Text.of(report.get("overall_status"));
    return s == null ? "unknown" : s;
  }

  /** The plan error of a report for a plan that could not be read. */
  public String error() {
    return Text.of(report.get("error"));
  }

  public List<String> errors() {
    List<String> out = new ArrayList<>();
    JsonNode a = report.get("errors");
    if (a != null && a.isArray()) {
      a.forEach(e -> {
        String t = Text.of(e);
        if (t != null) {
          out.add(t);
        }
      });
    } else if (error() != null) {
      out.add(error());
    }
    return out;
  }

  public String stopReason() {
    return Text.of(report.get("stop_reason"));
  }

  public String when() {
    return Text.of(report.get("run_timestamp"));
  }

  public Double durationSeconds() {
    return Text.num(report.get("total_duration_seconds"));
  }

  /** Task count per status, worst first, only statuses that occur. */
  public Map<String, Integer> counts() {
    Map<String, Integer> raw = new LinkedHashMap<>();
    for (TaskView t : tasks) {
      raw.merge(t.status(), 1, Integer::sum);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String s : Statuses.TASK_ORDER) {
      if (raw.containsKey(s)) {
        out.put(s, raw.remove(s));
      }
    }
    out.putAll(raw);
    return out;
  }

  public List<TaskView> failedTasks() {
    List<TaskView> out = new ArrayList<>();
    for (TaskView t : tasks) {
      if (t.failed()) {
        out.add(t);
      }
    }
    return out;
  }

  public int count(String status) {
    return counts().getOrDefault(status, 0);
  }

  /** Worst first: overall status, then failed tasks, then warnings, then host name. */
  public static final Comparator<ReportView> WORST_FIRST =
      Comparator.<ReportView>comparingInt(r -> Statuses.overallRank(r.overallStatus()))
          .thenComparing(r -> -r.failedTasks().size())
          .thenComparing(r -> -(r.count("warning") + r.count("completed_with_errors")))
          .thenComparing(ReportView::hostname, String.CASE_INSENSITIVE_ORDER);
}
