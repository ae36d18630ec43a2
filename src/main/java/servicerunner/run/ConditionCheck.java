package servicerunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import servicerunner.plan.Condition;
import servicerunner.task.Status;

/**
 * Evaluates a {@code run_if} against the results so far. Everything it can meet was checked when the plan was
 * loaded; what is left is data: a task that has no result (yet), a field its summary does not have. The answer says
 * which part decided, with the value seen, for the {@code TASK_SKIP ... - Condition not met: ...} reason.
 */
final class ConditionCheck {
  /** The result of the task with this id, or null when it has none yet. */
  private final Function<String, TaskResult> results;

  ConditionCheck(Function<String, TaskResult> results) {
    this.results = results;
  }

  /** Null when the condition holds; else what failed, e.g. {@code sfc1 verdict is no_violations (expected ...)}. */
  String unmet(Condition c) {
    Answer a = eval(c);
    return a.holds ? null : a.why;
  }

  private record Answer(boolean holds, String why) {}

  private Answer eval(Condition c) {
    if (c instanceof Condition.All) {
      List<String> seen = new ArrayList<>();
      for (Condition p : ((Condition.All) c).parts()) {
        Answer a = eval(p);
        if (!a.holds) {
          return a;
        }
        seen.add(a.why);
      }
      return new Answer(true, String.join(" and ", seen));
    }
    if (c instanceof Condition.Any) {
      List<String> seen = new ArrayList<>();
      for (Condition p : ((Condition.Any) c).parts()) {
        Answer a = eval(p);
        if (a.holds) {
          return a;
        }
        seen.add(a.why);
      }
      return new Answer(false, seen.size() == 1 ? seen.get(0) : "none of: " + String.join("; ", seen));
    }
    if (c instanceof Condition.Not) {
      Answer a = eval(((Condition.Not) c).part());
      return new Answer(!a.holds, a.holds ? "not expected: " + a.why : a.why);
    }
    String id = taskOf(c);
    TaskResult r = results.apply(id);
    if (r == null) {
      return new Answer(false, id + " has no result");
    }
    if (c instanceof Condition.TaskStatus) {
      Condition.TaskStatus s = (Condition.TaskStatus) c;
      boolean holds = s.statuses().contains(r.status());
      return new Answer(holds, id + " status is " + r.status().id() + (holds ? "" : " (expected " + ids(s) + ")"));
    }
    if (c instanceof Condition.Verdict) {
      Condition.Verdict v = (Condition.Verdict) c;
      String verdict = verdictOf(r);
      if (verdict == null) {
        return new Answer(false, id + " has no verdict (status " + r.status().id() + ")");
      }
      boolean holds = v.verdicts().contains(verdict);
      return new Answer(holds, id + " verdict is " + verdict
          + (holds ? "" : " (expected " + String.join(" or ", v.verdicts()) + ")"));
    }
    Condition.Field f = (Condition.Field) c;
    JsonNode value = r.summary();
    for (String segment : f.field()) {
      value = value == null ? null : value.isArray() && segment.matches("\\d{1,9}")
          ? value.get(Integer.parseInt(segment)) : value.get(segment);
    }
    value = value == null || value.isMissingNode() ? null : value;
    String name = id + " summary." + f.fieldText();
    boolean holds = FieldTest.holds(f.op(), value, f.value());
    String seen = value == null ? name + " is absent" : name + " is " + value;
    return new Answer(holds, holds ? seen : seen + " (expected " + FieldTest.expected(f.op(), f.value()) + ")");
  }

  private static String taskOf(Condition c) {
    if (c instanceof Condition.TaskStatus) {
      return ((Condition.TaskStatus) c).task();
    }
    if (c instanceof Condition.Verdict) {
      return ((Condition.Verdict) c).task();
    }
    return ((Condition.Field) c).task();
  }

  private static String ids(Condition.TaskStatus s) {
    List<String> ids = new ArrayList<>();
    for (Status st : Status.values()) { // in the enum's order, so the message is stable
      if (s.statuses().contains(st)) {
        ids.add(st.id());
      }
    }
    return String.join(" or ", ids);
  }

  /**
   * The verdict id a result carries: the handler's, or for a result read back from a journal the summary's
   * {@code verdict} id (the only place a report keeps it).
   */
  static String verdictOf(TaskResult r) {
    if (r.ending() instanceof Ending.Ran) {
      var v = ((Ending.Ran) r.ending()).outcome().verdict();
      if (v != null) {
        return v.id();
      }
    }
    JsonNode s = r.summary().get("verdict");
    return s != null && s.isTextual() ? s.asText().toLowerCase(Locale.ROOT) : null;
  }
}
