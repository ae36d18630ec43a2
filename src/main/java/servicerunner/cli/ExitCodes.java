package servicerunner.cli;

/** The runner's exit codes, listed in --help and the README. The app ignores them; scripts and CI do not. */
public final class ExitCodes {
  private ExitCodes() {}

  /** The run finished, whatever the tasks did (see overall_status). */
  public static final int OK = 0;
  /** The plan could not be read or is invalid; a failure report was printed. */
  public static final int INVALID_PLAN = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** A defect of the runner ended the run; a failure report with the results so far was printed. */
  public static final int INTERNAL = 3;
  /** Stopped by SIGINT (Ctrl-C); the report was still written. */
  public static final int SIGINT = 130;
  /** Stopped by SIGTERM or console close; the report was still written. */
  public static final int SIGTERM = 143;
  /** Any other handled signal (SIGHUP, SIGUSR1, SIGUSR2, SIGALRM) exits 128 + its number; the report was written. */
  public static final int SIGNAL_BASE = 128;
}
