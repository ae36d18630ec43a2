package servicerunner.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.Termination;
import servicerunner.json.Json;

/** Summary fields and outcomes every process-based task shares, so each handler writes them the same way. */
public final class ProcessSummaries {
  private ProcessSummaries() {}

  /** Default excerpt size (characters) kept in summaries. */
  public static final int EXCERPT = 2000;

  /**
   * A failure outcome when the process did not run to an exit (could not start, timed out, went idle); empty when it
   * exited and the handler should parse its output.
   */
  public static Optional<TaskOutcome> problem(ProcessResult r, String toolName) {
    if (r.termination() == Termination.EXITED) {
      return Optional.empty();
    }
    ObjectNode s = Json.object();
    switch (r.termination()) {
      case LAUNCH_FAILED:
        s.put("error", toolName + " could not be started: " + r.launchError());
        s.put("error_hint", "Check that " + toolName + " is installed, or give its path in executable_path.");
        break;
      case TIMEOUT:
        s.put("error", toolName + " timed out after " + r.duration().toSeconds() + " s and was stopped");
        s.put("timed_out", true);
        break;
      case IDLE_TIMEOUT:
        s.put("error", toolName + " printed nothing for too long and was stopped");
        s.put("timed_out", true);
        break;
      default:
        s.put("error", toolName + " was " + r.termination().id());
        break;
    }
    addProcess(s, r);
    return Optional.of(TaskOutcome.of(Status.FAILURE, s));
  }

  /** exit_code, termination, duration and head/tail excerpts of both streams. */
  public static ObjectNode addProcess(ObjectNode s, ProcessResult r) {
    if (r.exitCode() == null) {
      s.putNull("exit_code");
    } else {
      s.put("exit_code", r.exitCode());
    }
    s.put("termination", r.termination().id());
    if (r.drainTimedOut()) {
      s.put("output_drain_timed_out", true);
    }
    s.put("stdout_excerpt", r.stdout().lastChars(EXCERPT));
    s.put("stderr_excerpt", r.stderr().lastChars(EXCERPT));
    return s;
  }

  public static ArrayNode command(ProcessResult r) {
    ArrayNode a = Json.array();
    r.argv().forEach(a::add);
    return a;
  }
}
