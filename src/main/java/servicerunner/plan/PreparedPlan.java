package servicerunner.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import servicerunner.param.ParamValidator;
import servicerunner.task.TaskCatalog;
import servicerunner.task.TaskType;

/**
 * The whole plan checked before anything runs: every task's parameters against its type's declarations, all
 * problems reported together with their paths. An unknown type is not a plan error (the reference skips it).
 */
public record PreparedPlan(Plan plan, List<PreparedTask> tasks, List<String> warnings) {

  public static PreparedPlan prepare(Plan plan) throws PlanException {
    return prepare(plan, TaskCatalog::find);
  }

  /** {@link #prepare(Plan)} against the given catalogue (tests use types of their own). */
  static PreparedPlan prepare(Plan plan, Function<String, TaskType> catalog) throws PlanException {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>(plan.warnings());
    List<PreparedTask> tasks = new ArrayList<>();
    for (TaskSpec spec : plan.tasks()) {
      TaskType type = spec.type().isEmpty() ? null : catalog.apply(spec.type());
      if (type == null) {
        tasks.add(new PreparedTask(spec, null, null, null));
        continue;
      }
      ParamValidator.Validation v = type.declaration().validate(spec.params(), spec::paramPath);
      errors.addAll(v.errors());
      warnings.addAll(v.warnings());
      for (String unknown : v.unknown()) {
        warnings.add(spec.paramPath(unknown) + ": not a parameter of " + type.id() + ", ignored");
      }
      if (!v.errors().isEmpty()) {
        // a type's timeout rule trusts its checked values: fed furmark's unchecked duration_seconds 1e300, its
        // arithmetic once threw here, an internal error (exit 3) instead of the plan error (audit D7)
        continue;
      }
      Duration timeout = spec.timeout() != null ? spec.timeout() : type.defaultTimeout(v.params());
      tasks.add(new PreparedTask(spec, type, v.params(), timeout));
    }
    List<PreparedTask> scheduled = ScheduleCheck.resolve(plan, tasks, errors);
    if (!errors.isEmpty()) {
      throw new PlanException(errors);
    }
    return new PreparedPlan(plan, List.copyOf(scheduled), List.copyOf(warnings));
  }
}
