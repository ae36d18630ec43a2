package servicerunner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import servicerunner.task.Status;

/**
 * A task's {@code run_if}: a typed test of what earlier tasks ended with, checked when the plan is loaded (every
 * task it names comes earlier, every verdict is one the type declares, every operator is known), so it can never
 * run code and never fail at run time for a typo. No expression language on purpose.
 */
public sealed interface Condition {

  /** The JSON path of this condition in the plan, for messages. */
  String path();

  /** {@code {"task": id, "status": [...]}}: the named task ended with one of these statuses. */
  record TaskStatus(String path, String task, Set<Status> statuses) implements Condition {}

  /** {@code {"task": id, "verdict": [...]}}: its verdict id (declared by its type) is one of these. */
  record Verdict(String path, String task, List<String> verdicts) implements Condition {}

  /** {@code {"task": id, "field": "summary.x.y", "op": ..., "value": ...}}: a figure of its result. */
  record Field(String path, String task, List<String> field, Op op, JsonNode value) implements Condition {
    public String fieldText() {
      return String.join(".", field);
    }
  }

  record All(String path, List<Condition> parts) implements Condition {}

  record Any(String path, List<Condition> parts) implements Condition {}

  record Not(String path, Condition part) implements Condition {}

  /** The field operators; {@code in} takes an array, {@code exists} an optional boolean. */
  enum Op {
    EQ, NE, GT, GE, LT, LE, IN, EXISTS;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean ordering() {
      return this == GT || this == GE || this == LT || this == LE;
    }
  }

  /** The ids of the tasks this condition names, in the order written (a condition implies {@code needs}). */
  static void collectTasks(Condition c, Set<String> into) {
    if (c instanceof TaskStatus) {
      into.add(((TaskStatus) c).task());
    } else if (c instanceof Verdict) {
      into.add(((Verdict) c).task());
    } else if (c instanceof Field) {
      into.add(((Field) c).task());
    } else if (c instanceof All) {
      ((All) c).parts().forEach(p -> collectTasks(p, into));
    } else if (c instanceof Any) {
      ((Any) c).parts().forEach(p -> collectTasks(p, into));
    } else if (c instanceof Not) {
      collectTasks(((Not) c).part(), into);
    }
  }
}
