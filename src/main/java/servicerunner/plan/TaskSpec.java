package servicerunner.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;

/**
 * One task as the plan gave it: plan-order index, type (possibly empty), its parameters (flat keys and the older
 * nested {@code "params"} form merged), and the common knobs every task accepts.
 *
 * @param id the plan's {@code "id"} (unique in the plan), or null: how other tasks name this one
 * @param timeout the plan's {@code timeout_seconds}, or null for the type's default
 * @param idleTimeout the plan's {@code idle_timeout_seconds}, or null for none
 * @param policy {@code run_if}, {@code retry}, {@code on_failure}, {@code allow_failure} ({@link TaskPolicy#NONE})
 * @param scheduling {@code needs}, {@code resources}, {@code exclusive} (parallel runs; {@link Scheduling#NONE})
 */
public record TaskSpec(
    int index,
    String id,
    String type,
    ObjectNode params,
    String path,
    Set<String> nestedNames,
    Duration timeout,
    Duration idleTimeout,
    boolean streamOutput,
    TaskPolicy policy,
    Scheduling scheduling) {

  public TaskSpec {
    policy = policy == null ? TaskPolicy.NONE : policy;
    scheduling = scheduling == null ? Scheduling.NONE : scheduling;
  }

  /** A task without a policy (always runs, one attempt) and without scheduling keys. */
  public TaskSpec(int index, String id, String type, ObjectNode params, String path, Set<String> nestedNames,
      Duration timeout, Duration idleTimeout, boolean streamOutput) {
    this(index, id, type, params, path, nestedNames, timeout, idleTimeout, streamOutput, TaskPolicy.NONE,
        Scheduling.NONE);
  }

  /** A task with a policy and without scheduling keys. */
  public TaskSpec(int index, String id, String type, ObjectNode params, String path, Set<String> nestedNames,
      Duration timeout, Duration idleTimeout, boolean streamOutput, TaskPolicy policy) {
    this(index, id, type, params, path, nestedNames, timeout, idleTimeout, streamOutput, policy, Scheduling.NONE);
  }

  /** The JSON path of a parameter as the plan spelled it, e.g. {@code tasks[2].params.count}. */
  public String paramPath(String name) {
    return path + (nestedNames.contains(name) ? ".params." : ".") + name;
  }
}
