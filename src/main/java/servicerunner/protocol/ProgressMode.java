package servicerunner.protocol;

/**
 * What PROGRESS_JSON carries in {@code results}. STUBS (default): null at earlier indices and the newest result at
 * its own index, because the app colours row i from results[i] only when it has a task_type, so earlier rows keep
 * their state and the stream stays linear. FULL: every result so far, as the reference (quadratic). NONE: no
 * results array; rows follow the TASK_* markers.
 */
public enum ProgressMode {
  STUBS,
  FULL,
  NONE
}
