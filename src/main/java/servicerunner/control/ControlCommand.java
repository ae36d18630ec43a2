package servicerunner.control;

/** One request read from the control file. {@code force} (stop only) also ends the running task at once. */
public record ControlCommand(Action action, boolean force) {
  public enum Action {
    STOP,
    PAUSE,
    SKIP,
    RESUME
  }
}
