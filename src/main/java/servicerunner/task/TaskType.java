package servicerunner.task;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import servicerunner.exec.Platform;

/**
 * One task type: a self-describing class. Its declaration (id, parameters, default timeout, platforms, example)
 * drives validation, {@code --list-tasks} and the README table; {@link #run} does the work and returns an outcome.
 */
public interface TaskType {

  /** The plan's {@code type} value and the result's {@code task_type}. */
  String id();

  /** One sentence for a technician. */
  String description();

  List<ParamSpec> params();

  /** Used when the plan gives no {@code timeout_seconds}; null means no limit. */
  Duration defaultTimeout();

  /**
   * The default for these (validated) parameters, for types whose run length is a parameter (a stress test's
   * duration plus a margin). Parameters may be incomplete when the plan has errors. Defaults to
   * {@link #defaultTimeout()}.
   */
  default Duration defaultTimeout(Params params) {
    return defaultTimeout();
  }

  /** Platforms the tool exists on. Elsewhere the task is skipped unless the plan names an executable_path. */
  default Set<Platform> platforms() {
    return Set.of(Platform.values());
  }

  /** An example task object (JSON text) for the listing and README. */
  default String example() {
    return "{\"type\":\"" + id() + "\"}";
  }

  /**
   * Checks the declared parameters need beyond their JSON types (e.g. list entries matched case-insensitively), so
   * a bad value is a plan error before anything runs. Called only when the declared checks passed.
   *
   * @param path maps a parameter name to its JSON path, e.g. {@code tasks[2].actions}
   * @return one message per problem, each starting with its path; empty when the values are fine
   */
  default List<String> checkParams(Params params, UnaryOperator<String> path) {
    return List.of();
  }

  TaskOutcome run(TaskContext ctx) throws InterruptedException;
}
