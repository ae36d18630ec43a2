package servicerunner.protocol;

/**
 * What PROGRESS_JSON carries in {@code results}. STUBS (default): null at earlier indices and the newest result at
 * its own index, because the app colours row i from results[i] only when it has a task_type, so earlier rows keep
 * their state. Line i still holds i nulls (5 bytes each), so the stream grows with the square of the task count
 * until lines reach the bound (about 2.5 n^2 bytes for n tasks: 250 KB for 100 tasks, 250 MB for 10,000), then by
 * at most the bound per task. FULL: every result so far, as the reference (quadratic in the results' size). NONE:
 * no results array; rows follow the TASK_* markers.
 */
public enum ProgressMode {
  STUBS(64 * 1024),
  FULL(8 * 1024 * 1024),
  NONE(64 * 1024);

  private final int lineLimit;

  ProgressMode(int lineLimit) {
    this.lineLimit = lineLimit;
  }

  /** The longest PROGRESS_JSON / PROGRESS_JSON_FINAL line (characters, which are ASCII bytes) this mode sends. */
  public int lineLimit() {
    return lineLimit;
  }
}
