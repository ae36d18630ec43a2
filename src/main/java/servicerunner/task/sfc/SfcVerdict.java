package servicerunner.task.sfc;

import servicerunner.task.Status;

/**
 * What sfc said, as one closed set. Each verdict fixes the renderer's three fields (integrity_violations,
 * repairs_attempted, repairs_successful; null where the tool said nothing about it) and the task status. The exit
 * code plays no part: Microsoft does not document sfc's exit codes (windowsserverdocs #7391, #6962).
 */
enum SfcVerdict {
  NO_VIOLATIONS("no_violations", Status.SUCCESS, false, false, null,
      "No integrity violations: protected system files are intact."),
  REPAIRED("repaired", Status.SUCCESS, true, true, true,
      "Corrupt system files were found and successfully repaired."),
  // error, not the reference's warning: the app paints warnings green, and unrepaired corruption needs the
  // technician's attention (DISM RestoreHealth, then sfc again)
  REPAIR_FAILED("could_not_repair", Status.ERROR, true, true, false,
      "Corrupt system files were found but some could not be repaired."),
  VIOLATIONS_FOUND("violations_found", Status.WARNING, true, false, null,
      "Integrity violations found (verify only: nothing was repaired)."),
  METADATA_CORRUPT("component_metadata_corrupt", Status.WARNING, null, false, null,
      "No violations found, but integrity cannot be guaranteed: component metadata is corrupt."),
  PENDING_REBOOT("repair_pending_reboot", Status.WARNING, null, false, null,
      "A system repair is pending: restart Windows and run sfc again."),
  OPERATION_FAILED("could_not_perform_operation", Status.ERROR, null, false, null,
      "sfc could not perform the requested operation."),
  SERVICE_FAILED("could_not_start_repair_service", Status.ERROR, null, false, null,
      "sfc could not start the Windows Modules Installer repair service."),
  SERVICING_BUSY("another_servicing_operation_running", Status.ERROR, null, false, null,
      "Another servicing or repair operation is running: wait for it and run sfc again."),
  NOT_ADMIN("not_admin", Status.ERROR, null, false, null,
      "sfc needs an elevated (administrator) console session."),
  UNKNOWN("unknown", Status.WARNING, null, false, null,
      "sfc's result could not be recognised (unknown language or unexpected text); see output_tail.");

  final String id;
  final Status status;
  final Boolean integrityViolations;
  final boolean repairsAttempted;
  final Boolean repairsSuccessful;
  final String sentence;

  SfcVerdict(String id, Status status, Boolean violations, boolean attempted, Boolean successful, String sentence) {
    this.id = id;
    this.status = status;
    this.integrityViolations = violations;
    this.repairsAttempted = attempted;
    this.repairsSuccessful = successful;
    this.sentence = sentence;
  }
}
