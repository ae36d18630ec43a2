package servicerunner.run;

/** A required observer failed (for example stderr closed because the app went away). */
public final class ObserverFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String observer;

  public ObserverFailedException(String observer, Throwable cause) {
    super(observer + " failed: " + cause.getMessage(), cause);
    this.observer = observer;
  }

  public String observer() {
    return observer;
  }
}
