package servicerunner.task;

import java.util.Locale;

/** A task result's status, spelled as the app expects (only {@code success} counts as OK for the whole run). */
public enum Status {
  SUCCESS,
  FAILURE,
  ERROR,
  WARNING,
  SKIPPED,
  COMPLETED_WITH_ERRORS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** failure and error colour the row red and make the run "completed_with_errors". */
  public boolean isFailure() {
    return this == FAILURE || this == ERROR;
  }
}
