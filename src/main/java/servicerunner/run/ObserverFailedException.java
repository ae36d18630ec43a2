package servicerunner.run;

/** A required observer failed (for example stderr closed because the app went away). */
public final class ObserverFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String observer;

  public ObserverFailedException(String observer, Throwable cause) {
    super(observer + " failed: " + cause.getMessage(), cause);
    this.observer = observer;
  }

  /** True when the observer failed writing (the app closed its pipe), not because of a defect of its own. */
  public boolean outputClosed() {
    for (Throwable c = getCause(); c != null; c = c.getCause()) {
      if (c instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  public String observer() {
    return observer;
  }
}
