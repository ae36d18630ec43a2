package servicerunner.task;

/**
 * A parameter value the declared checks let through but the tool cannot use (an empty argv, an unknown encoding, a
 * host that would be read as an option). The task fails with the common verdict {@code failed} and this message as
 * its reason, before anything starts. Transitional: goes when these checks are declared on the parameters and run
 * at plan time (issue 11, item 4).
 */
public final class InvalidParamsException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidParamsException(String message) {
    super(message, null, false, false);
  }
}
