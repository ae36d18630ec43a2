package servicerunner.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * A parsed plan, in plan order (the reference moved one system_restore to the front; the app already sends it first,
 * and indices must match the app's rows, so the order is kept).
 *
 * @param digest SHA-256 of the plan text, to tie a resume journal to its plan; null when the reader was told no journal
 *     needs it
 * @param heartbeat the plan's {@code heartbeat_seconds} (see {@link HeartbeatSetting})
 * @param scheduling {@code max_parallel} and pool capacities (parallel runs)
 */
public record Plan(
    List<TaskSpec> tasks,
    ObjectNode metadata,
    boolean pauseBetweenTasks,
    boolean parallelRequested,
    List<String> warnings,
    String digest,
    Duration heartbeat,
    PlanScheduling scheduling) {

  /** A plan with the default heartbeat (library callers and tests that build plans by hand). */
  public Plan(List<TaskSpec> tasks, ObjectNode metadata, boolean pauseBetweenTasks, boolean parallelRequested,
      List<String> warnings, String digest) {
    this(tasks, metadata, pauseBetweenTasks, parallelRequested, warnings, digest, HeartbeatSetting.DEFAULT);
  }

  /** A plan without top-level scheduling keys. */
  public Plan(List<TaskSpec> tasks, ObjectNode metadata, boolean pauseBetweenTasks, boolean parallelRequested,
      List<String> warnings, String digest, Duration heartbeat) {
    this(tasks, metadata, pauseBetweenTasks, parallelRequested, warnings, digest, heartbeat, PlanScheduling.NONE);
  }
}
