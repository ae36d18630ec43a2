package servicerunner.exec;

import java.time.Duration;
import java.util.List;

/**
 * How a child process ended. {@code exitCode} is null when the process never started; it is taken from the process
 * itself, never lost to a stream-drain timeout. {@code drainTimedOut} says a descendant kept the output pipe open
 * after the child ended (it was then killed and the output read so far kept).
 */
public record ProcessResult(
    List<String> argv,
    Integer exitCode,
    Termination termination,
    Duration duration,
    CapturedOutput stdout,
    CapturedOutput stderr,
    boolean drainTimedOut,
    String launchError) {

  public boolean exited() {
    return termination == Termination.EXITED;
  }

  public boolean exitedWith(int code) {
    return exited() && exitCode != null && exitCode == code;
  }

  /** Short text for a failure reason, e.g. "timed out after 30 s" or "exited with code 3". */
  public String describe() {
    switch (termination) {
      case LAUNCH_FAILED:
        return "could not start " + argv.get(0) + ": " + launchError;
      case TIMEOUT:
        return "timed out after " + duration.toSeconds() + " s";
      case IDLE_TIMEOUT:
        return "no output for too long (idle timeout), stopped after " + duration.toSeconds() + " s";
      case CANCELLED:
        return "cancelled";
      default:
        return "exited with code " + exitCode;
    }
  }
}
