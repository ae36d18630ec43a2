package servicerunner.control;

/**
 * One request read from the control file. {@code force} (stop only) also ends the running task at once;
 * {@code index} (skip only) names the task to skip, null for the current one.
 */
public record ControlCommand(Action action, boolean force, Integer index) {
  public ControlCommand(Action action, boolean force) {
    this(action, force, null);
  }

  public enum Action {
    STOP,
    PAUSE,
    SKIP,
    RESUME
  }
}
