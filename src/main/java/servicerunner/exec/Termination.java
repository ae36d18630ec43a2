package servicerunner.exec;

import java.util.Locale;

/** Why a child process ended. Recorded separately from the exit code: 143 or 1 alone never says "killed". */
public enum Termination {
  EXITED,
  TIMEOUT,
  IDLE_TIMEOUT,
  CANCELLED,
  /**
   * Nothing by the executable's name is there: an absolute or relative path that does not exist, or a bare name in
   * no PATH folder. The result's {@link ProcessResult#detail()} names it. A file that is there but cannot be started
   * is {@link #LAUNCH_FAILED}.
   */
  NOT_FOUND,
  LAUNCH_FAILED,
  /**
   * The check that enforces the timeouts failed, so the tool was stopped rather than left running unwatched; the
   * result's {@link ProcessResult#detail()} says what broke.
   */
  WATCH_FAILED;

  /** The lower-case id used in reports, e.g. {@code idle_timeout}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
