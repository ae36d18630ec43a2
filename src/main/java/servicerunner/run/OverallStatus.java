package servicerunner.run;

import java.util.Locale;

/** The report's {@code overall_status}: failure only when the run itself failed (invalid plan, internal error). */
public enum OverallStatus {
  SUCCESS,
  COMPLETED_WITH_ERRORS,
  STOPPED,
  FAILURE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
