package servicerunner.param;

import java.util.List;
import java.util.function.Predicate;

/**
 * A constraint between a type's parameters ("duration_minutes or duration_seconds is required"), declared with the
 * type and checked at plan time once every parameter passed its own checks. The problem is said at the path of the
 * first parameter named, followed by the others: {@code tasks[0].stress_cpu, stress_memory: at least one must be
 * true}.
 *
 * @param params the parameters the rule is about, the first giving the path
 * @param text what the plan must satisfy, said when it does not
 * @param holds whether the validated parameters (defaults filled in) satisfy it
 */
public record ParamRule(List<String> params, String text, Predicate<Params> holds) {

  public ParamRule {
    params = List.copyOf(params);
    if (params.isEmpty()) {
      throw new IllegalArgumentException("a rule names at least one parameter");
    }
  }

  /** How the rule reads in --list-tasks and, after the path, in a plan error. */
  public String describe() {
    return String.join(", ", params) + ": " + text;
  }
}
