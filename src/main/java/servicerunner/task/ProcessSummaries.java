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
   * The failure of a tool that did not run to an exit (not found, could not start, timed out, went quiet, its watch
   * failed), written the same way for every type: {@code error} and the reason are one sentence, the verdict id names
   * the ending, and exit code, termination and excerpts follow, with the {@code command} extra. {@code summary} may
   * already hold the type's fields.
   */
  public static TaskOutcome notCompleted(ObjectNode s, ProcessResult r, String toolName) {
    String error;
    String verdict;
    switch (r.termination()) {
      case NOT_FOUND:
      case LAUNCH_FAILED:
        boolean missing = r.termination() == Termination.NOT_FOUND;
        error = toolName + (missing ? " was not found: " : " could not be started: ") + r.launchError();
        verdict = missing ? "not_found" : "launch_failed";
        s.put("error_hint", "Check that " + toolName + " is installed, or give its path in executable_path.");
        break;
      case TIMEOUT:
        error = toolName + " timed out after " + r.duration().toSeconds() + " s and was stopped";
        verdict = "timed_out";
        s.put("timed_out", true);
        break;
      case IDLE_TIMEOUT:
        error = toolName + " printed nothing for too long and was stopped";
        verdict = "idle_timeout";
        s.put("timed_out", true);
        break;
      case WATCH_FAILED:
        error = toolName + " was stopped: " + r.describe();
        verdict = "watch_failed";
        break;
      default:
        error = toolName + " was " + r.termination().id();
        verdict = r.termination().id();
        break;
    }
    addProcess(s, r);
    return TaskOutcome.failure(s, verdict, error).withExtra("command", command(r));
  }

  /** {@link #notCompleted} when the process did not run to an exit; empty when it exited. */
  public static Optional<TaskOutcome> problem(ProcessResult r, String toolName) {
    return r.termination() == Termination.EXITED ? Optional.empty()
        : Optional.of(notCompleted(Json.object(), r, toolName));
  }

  /** exit_code, termination, duration and head/tail excerpts of both streams. */
  public static ObjectNode addProcess(ObjectNode s, ProcessResult r) {
    s.put("exit_code", r.exitCode());
    s.put("termination", r.termination().id());
    if (r.drainTimedOut()) {
      s.put("output_drain_timed_out", true);
    }
    s.put("stdout_excerpt", r.stdout().lastChars(EXCERPT));
    s.put("stderr_excerpt", r.stderr().lastChars(EXCERPT));
    return s;
  }

  public static ArrayNode command(ProcessResult r) {
    return (ArrayNode) Json.valueToTree(r.argv());
  }
}
