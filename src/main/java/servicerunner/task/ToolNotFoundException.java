package servicerunner.task;

/** The plan's tool could not be found where it said; the task fails with verdict {@code not_found}. */
public final class ToolNotFoundException extends Exception {
  private static final long serialVersionUID = 1L;

  public ToolNotFoundException(String message) {
    super(message, null, false, false);
  }
}
