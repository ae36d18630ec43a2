package servicerunner.task;

/**
 * Thrown out of {@link TaskContext#run} when the task was cancelled (user skip, forced stop, signal). Handlers let it
 * pass; the engine records the task as skipped with the reason.
 */
public final class TaskCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskCancelledException(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
