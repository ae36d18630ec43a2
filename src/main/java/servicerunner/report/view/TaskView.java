package servicerunner.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** One entry of a report's {@code results}, read for people: its name, status, verdict, reason and timing. */
public final class TaskView {
  private final int index;
  private final JsonNode result;
  private final String label;

  TaskView(int index, JsonNode result, String planLabel) {
    this.index = index;
    this.result = result;
    String own = Text.of(result.get("ui_label"));
    this.label = own != null ? own : planLabel == null || planLabel.isBlank() ? null : planLabel.strip();
  }

  public int index() {
    return index;
  }

  public String type() {
    String t = Text.of(result.get("task_type"));
    return t == null ? "unknown" : t;
  }

  /** The plan's ui_label, or null. */
  public String label() {
    return label;
  }

  /** "#2 ping_test (Ping Google)": index, type and label, as a CI test name and the fleet's failing list. */
  public String name() {
    return "#" + index + " " + type() + (label == null ? "" : " (" + label + ")");
  }

  public String status() {
    String s = Text.of(result.get("status"));
    return s == null ? "unknown" : s;
  }

  public boolean failed() {
    return Statuses.isFailure(status());
  }

  public JsonNode summary() {
    JsonNode s = result.get("summary");
    return s != null && s.isObject() ? s : MissingNode.getInstance();
  }

  public JsonNode result() {
    return result;
  }

  public Double durationSeconds() {
    Double d = Text.num(result.get("duration_seconds"));
    return d != null ? d : Text.num(summary().get("duration_seconds"));
  }

  public String startedAt() {
    return Text.of(result.get("started_at"));
  }

  /** The one-line verdict a person reads first: the handler's own sentence where it wrote one. */
  public String verdict() {
    JsonNode s = summary();
    JsonNode hr = s.get("human_readable");
    if (hr != null && hr.isTextual()) {
      return Text.oneLine(hr.asText(), 300);
    }
    if (hr != null && hr.isObject()) {
      for (String k : new String[] {"summary_line", "message", "verdict"}) {
        String t = Text.of(hr.get(k));
        if (t != null) {
          return Text.oneLine(Text.humanise(t), 300);
        }
      }
    }
    for (String k : new String[] {"verdict", "message", "error", "reason"}) {
      String t = Text.of(s.get(k));
      if (t != null) {
        return Text.oneLine(Text.humanise(t), 300);
      }
    }
    return null;
  }

  /** Why it failed, was skipped or warned (the same order the TASK_FAIL marker uses), or null. */
  public String reason() {
    JsonNode s = summary();
    for (String k : new String[] {"reason", "error", "warning"}) {
      String t = Text.of(s.get(k));
      if (t != null) {
        return Text.oneLine(t, 500);
      }
    }
    if (failed() || "skipped".equals(status())) {
      String v = verdict();
      if (v != null) {
        return v;
      }
      Double code = Text.num(s.get("exit_code"));
      return "Task reported " + status() + (code == null ? "" : " (exit code " + Text.number(code) + ")");
    }
    return null;
  }

  /** human_readable.notes and .warnings, as lines. */
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    JsonNode hr = summary().get("human_readable");
    if (hr != null && hr.isObject()) {
      for (String k : new String[] {"warnings", "notes"}) {
        JsonNode a = hr.get(k);
        if (a != null && a.isArray()) {
          a.forEach(n -> {
            String t = Text.of(n);
            if (t != null && !out.contains(t)) {
              out.add(Text.oneLine(t, 400));
            }
          });
        }
      }
    }
    return out;
  }
}
