package servicerunner.report.view;

import java.util.List;

/** Status words in the order a reader cares about them: what went wrong first. */
public final class Statuses {
  private Statuses() {}

  /** Task statuses, worst first; unknown words sort after these. */
  public static final List<String> TASK_ORDER =
      List.of("failure", "error", "completed_with_errors", "warning", "skipped", "success");

  public static boolean isFailure(String status) {
    return "failure".equals(status) || "error".equals(status);
  }

  /** 0 is worst. An invalid plan's report ("failure") is worse than a run with failed tasks. */
  public static int overallRank(String overall) {
    switch (overall) {
      case "failure":
        return 0;
      case "completed_with_errors":
        return 1;
      case "stopped":
        return 2;
      case "success":
        return 4;
      default:
        return 3;
    }
  }

  /** The CSS class of a status badge: bad, warn, skip, good or other. */
  public static String tone(String status) {
    switch (status) {
      case "failure":
      case "error":
        return "bad";
      case "warning":
      case "completed_with_errors":
      case "stopped":
        return "warn";
      case "skipped":
        return "skip";
      case "success":
        return "good";
      default:
        return "other";
    }
  }

  public static String label(String status) {
    return Text.humanise(status);
  }
}
