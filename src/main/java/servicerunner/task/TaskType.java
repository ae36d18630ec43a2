package servicerunner.task;

import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
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

  TaskDeclaration declaration();

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
