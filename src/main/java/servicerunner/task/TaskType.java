package servicerunner.task;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import servicerunner.exec.Platform;

/**
 * One task type: its {@link TaskDeclaration} (what validation, {@code --list-tasks} and the engine read) and
 * {@link #run}, which does the work and returns an outcome. Tool-backed types extend {@link ToolTask}, which writes
 * the run skeleton once.
 */
public interface TaskType {

  /** Transitional default for the types still declaring through the single methods below. Goes when they do. */
  default TaskDeclaration declaration() {
    Duration fixed = defaultTimeout();
    return TaskDeclaration.builder(id(), description()).params(params())
        .timeout(fixed == null ? "depends on the parameters" : null, p -> p == null || !overrides("defaultTimeout", Params.class) ? fixed : defaultTimeout(p))
        .platforms(overrides("platforms") ? platforms().toArray(new Platform[0]) : Platform.values())
        .example(overrides("example") ? example() : null).build();
  }

  private boolean overrides(String method, Class<?>... args) {
    try {
      return getClass().getMethod(method, args).getDeclaringClass() != TaskType.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  TaskOutcome run(TaskContext ctx) throws InterruptedException;

  default String id() {
    return declaration().id();
  }

  default String description() {
    return declaration().description();
  }

  default List<ParamSpec> params() {
    return declaration().params();
  }

  /** The fixed default timeout; null when there is none or it depends on the parameters. */
  default Duration defaultTimeout() {
    return declaration().fixedTimeout();
  }

  default Duration defaultTimeout(Params params) {
    return declaration().defaultTimeout(params);
  }

  default Set<Platform> platforms() {
    return declaration().platforms();
  }

  default String example() {
    return declaration().example();
  }

  /**
   * Whether the task can run here: on one of its platforms, or anywhere when the plan names the tool's
   * executable (so a Windows tool can be replayed by a fake elsewhere).
   */
  default boolean runnableOn(Platform platform, Params params) {
    return platforms().contains(platform) || params.has("executable_path");
  }
}
