package servicerunner.plan;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a task reacts to the run around it: {@code run_if} (null: always), {@code retry} (null: one attempt),
 * {@code on_failure: "stop"} and {@code allow_failure}. Parsed by {@link PolicyParser}.
 *
 * @param stopOnFailure its failure or error stops the run like a user stop ({@code RUN_STOPPED:task_failed})
 * @param allowFailure its failure keeps its status but does not make the run {@code completed_with_errors}
 */
public record TaskPolicy(Condition runIf, Retry retry, boolean stopOnFailure, boolean allowFailure) {
  public static final TaskPolicy NONE = new TaskPolicy(null, null, false, false);

  /** The ids of the earlier tasks the condition tests: a concurrent run must finish them first. */
  public Set<String> referencedTasks() {
    Set<String> ids = new LinkedHashSet<>();
    if (runIf != null) {
      Condition.collectTasks(runIf, ids);
    }
    return ids;
  }
}
