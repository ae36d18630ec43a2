package servicerunner.task.dism;

import servicerunner.task.Status;

/** One step's outcome. Declaration order is severity: the first failing verdict among the steps speaks for the task. */
enum DismVerdict {
  ELEVATION_REQUIRED("elevation_required", Status.ERROR, null,
      "DISM needs an elevated (administrator) command prompt (exit 740)."),
  ROLLBACK_FAILED("failed_rollback_pending", Status.ERROR, null,
      "The operation failed; a restart is required to roll back its changes (exit 3017)."),
  INVALID_OPTION("invalid_option", Status.ERROR, null,
      "DISM rejected the option for this Windows version (exit 87)."),
  NOT_REPAIRABLE("not_repairable", Status.ERROR, "not_repairable",
      "The component store is corrupt and cannot be repaired."),
  FAILED("failed", Status.ERROR, null, "DISM failed."),
  SOURCE_MISSING("source_files_not_found", Status.WARNING, "repairable",
      "Repair source files could not be found (0x800F081F): corruption remains."),
  UNKNOWN("unknown", Status.WARNING, null, "DISM's result could not be recognised; see the step messages."),
  REPAIRABLE("repairable", Status.WARNING, "repairable",
      "The component store is corrupt but repairable: run RestoreHealth."),
  RESTORED("restored", Status.SUCCESS, "repaired", "The component store was repaired."),
  COMPLETED("completed", Status.SUCCESS, null, "The operation completed successfully."),
  HEALTHY("healthy", Status.SUCCESS, "healthy", "No component store corruption detected.");

  final String id;
  final Status status;
  final String healthState;
  final String sentence;

  DismVerdict(String id, Status status, String healthState, String sentence) {
    this.id = id;
    this.status = status;
    this.healthState = healthState;
    this.sentence = sentence;
  }

  static DismVerdict byId(String id) {
    for (DismVerdict v : values()) {
      if (v.id.equals(id)) {
        return v;
      }
    }
    return UNKNOWN;
  }
}
