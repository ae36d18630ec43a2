package servicerunner.plan;

import java.time.Duration;
import java.util.List;
import servicerunner.param.Params;
import servicerunner.schedule.Claims;
import servicerunner.task.TaskType;

/**
 * A plan task matched to its handler, with validated parameters; {@code type} is null when no handler exists.
 *
 * @param needs plan indices of the tasks its {@code needs} and its {@code run_if} name
 * @param claims what it holds while it runs in a parallel run: its type's defaults, or what the plan says
 */
public record PreparedTask(
    TaskSpec spec, TaskType type, Params params, Duration timeout, List<Integer> needs, Claims claims) {

  public PreparedTask {
    needs = List.copyOf(needs);
  }

  /** A task with its type's default claims and no needs. */
  public PreparedTask(TaskSpec spec, TaskType type, Params params, Duration timeout) {
    this(spec, type, params, timeout, List.of(), type == null ? Claims.NONE : type.declaration().claims(params));
  }

  /** The tasks that must have ended before this one may start (plan indices): the one place a scheduler asks. */
  public List<Integer> waitsFor() {
    return needs;
  }
}
