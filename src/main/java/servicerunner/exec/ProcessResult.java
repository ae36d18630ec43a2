package servicerunner.exec;

import java.time.Duration;
import java.util.List;

/**
 * How a child process ended. {@code exitCode} is null when the process never started; it is taken from the process
 * itself, never lost to a stream-drain timeout. {@code termination} is {@link Termination#EXITED} whenever the process
 * exited before a timeout or cancel took effect: a cancel that arrives after the exit (while output is still being
 * read) leaves it so. {@code drainTimedOut} says reading the output was cut short after the child exited because a
 * descendant still held the pipe, at the drain timeout or at once on such a late cancel (the holder was then killed
 * and the output read so far kept). {@code detail} says why the process did not run to an exit: the missing executable
 * for {@link Termination#NOT_FOUND}, the launch error for {@link Termination#LAUNCH_FAILED}, what broke for
 * {@link Termination#WATCH_FAILED}; null otherwise.
 */
public record ProcessResult(
    List<String> argv,
    Integer exitCode,
    Termination termination,
    Duration duration,
    CapturedOutput stdout,
    CapturedOutput stderr,
    boolean drainTimedOut,
    String detail) {

  public boolean exited() {
    return termination == Termination.EXITED;
  }

  public boolean exitedWith(int code) {
    return exited() && exitCode != null && exitCode == code;
  }

  /** Why the process could not be started (its executable missing, or there but not startable), or null. */
  public String launchError() {
    return termination == Termination.LAUNCH_FAILED || termination == Termination.NOT_FOUND ? detail : null;
  }

  /** Short text for a failure reason, e.g. "timed out after 30 s" or "exited with code 3". */
  public String describe() {
    switch (termination) {
      case NOT_FOUND:
        return "not found: " + detail;
      case LAUNCH_FAILED:
        return "could not start " + argv.get(0) + ": " + detail;
      case TIMEOUT:
        return "timed out after " + duration.toSeconds() + " s";
      case IDLE_TIMEOUT:
        return "no output for too long (idle timeout), stopped after " + duration.toSeconds() + " s";
      case CANCELLED:
        return "cancelled";
      case WATCH_FAILED:
        return "stopped after " + duration.toSeconds() + " s because its timeout check failed: " + detail;
      default:
        return "exited with code " + exitCode;
    }
  }
}
