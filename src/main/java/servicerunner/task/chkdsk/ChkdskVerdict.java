package servicerunner.task.chkdsk;

import java.util.Locale;

/** What chkdsk concluded, in the order the parser decides: what the text says first, the exit code last. */
enum ChkdskVerdict {
  ACCESS_DENIED, INVALID_DRIVE, SCHEDULED, VOLUME_IN_USE, VOLUME_IN_USE_NOT_SCHEDULED, ERRORS_NOT_CORRECTED,
  ERRORS_FOUND, CORRECTED, NO_PROBLEMS, NO_ERRORS_EXIT_CODE, FIXED_EXIT_CODE, CLEANUP_EXIT_CODE, FAILED;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
