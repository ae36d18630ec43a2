package servicerunner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

/**
 * How one task ended. The journal, the markers and the report decide from this type, never from summary text: a
 * task that {@link Ran} or was {@link SkippedByUser} or {@link NotRun} here has its final answer; one that was
 * {@link Interrupted} (a stop, signal or cancel cut it short or it was never reached) runs again on resume.
 */
public sealed interface Ending {

  Status status();

  /** The TASK_FAIL / TASK_SKIP text; null for a task that succeeded. */
  String reason();

  /** The handler ran to its end and returned this outcome. */
  record Ran(TaskOutcome outcome) implements Ending {
    @Override
    public Status status() {
      return outcome.status();
    }

    @Override
    public String reason() {
      return outcome.reason();
    }
  }

  /** The user skipped it; {@code started}: its tool was running and was ended. */
  record SkippedByUser(String reason, boolean started) implements Ending {
    @Override
    public Status status() {
      return Status.SKIPPED;
    }
  }

  /** It cannot run in this plan on this machine (unknown type, other platform). */
  record NotRun(String reason) implements Ending {
    @Override
    public Status status() {
      return Status.SKIPPED;
    }
  }

  /** Cut short or never reached because the run stopped; {@code started}: it was running. */
  record Interrupted(String reason, boolean started) implements Ending {
    @Override
    public Status status() {
      return Status.SKIPPED;
    }
  }

  /** Finished in an earlier run of the same plan (from the journal); {@code result} is what that run reported. */
  record Resumed(ObjectNode result, Status status, String reason) implements Ending {}
}
