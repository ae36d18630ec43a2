package servicerunner.run;

/**
 * A defect ended the run. {@link #outcome} holds what the run had (overall status failure, the results so far),
 * or is null when even that could not be built; the report is then written from the error alone.
 */
public final class EngineFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient RunOutcome outcome;

  public EngineFailedException(RunOutcome outcome, Throwable cause) {
    super(outcome != null ? outcome.internalError() : "Internal error: " + cause, cause);
    this.outcome = outcome;
  }

  public RunOutcome outcome() {
    return outcome;
  }
}
