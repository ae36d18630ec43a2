package servicerunner.task.dism;

import java.util.Arrays;
import java.util.Locale;
import servicerunner.task.Status;

/** One step's outcome. Declaration order is severity: the first failing verdict among the steps speaks for the task. */
enum DismVerdict {
  ELEVATION_REQUIRED(Status.ERROR, null, "DISM needs an elevated (administrator) command prompt (exit 740)."),
  FAILED_ROLLBACK_PENDING(Status.ERROR, null,
      "The operation failed; a restart is required to roll back its changes (exit 3017)."),
  INVALID_OPTION(Status.ERROR, null, "DISM rejected the option for this Windows version (exit 87)."),
  NOT_REPAIRABLE(Status.ERROR, "not_repairable", "The component store is corrupt and cannot be repaired."),
  FAILED(Status.ERROR, null, "DISM failed."),
  SOURCE_FILES_NOT_FOUND(Status.WARNING, "repairable",
      "Repair source files could not be found (0x800F081F): corruption remains."),
  UNKNOWN(Status.WARNING, null, "DISM's result could not be recognised; see the step messages."),
  REPAIRABLE(Status.WARNING, "repairable", "The component store is corrupt but repairable: run RestoreHealth."),
  RESTORED(Status.SUCCESS, "repaired", "The component store was repaired."),
  COMPLETED(Status.SUCCESS, null, "The operation completed successfully."),
  HEALTHY(Status.SUCCESS, "healthy", "No component store corruption detected.");

  final Status status;
  final String healthState;
  final String sentence;

  DismVerdict(Status status, String healthState, String sentence) {
    this.status = status;
    this.healthState = healthState;
    this.sentence = sentence;
  }

  /** The declared id: the name in lower case, as chkdsk's verdicts. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DismVerdict byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst().orElse(UNKNOWN);
  }
}
