package servicerunner.task.sfc;

import servicerunner.text.PhraseTable;

/**
 * sfc's verdict sentences per language. Order matters: the first phrase found wins, so longer sentences that contain
 * shorter ones come first. Sources: tool-outputs.md section 2 (Microsoft Learn samples, user transcripts, a peer's
 * catalogue of sfc.exe's message table; de/es from other projects' fixtures).
 */
final class SfcPhrases {
  private SfcPhrases() {}

  static final PhraseTable<SfcVerdict> VERDICTS = PhraseTable.<SfcVerdict>builder()
      .add(SfcVerdict.METADATA_CORRUPT, "en", "did not find any integrity violations but cannot guarantee")
      .add(SfcVerdict.NO_VIOLATIONS, "en", "did not find any integrity violations")
      .add(SfcVerdict.REPAIRED, "en", "found corrupt files and successfully repaired them")
      .add(SfcVerdict.REPAIR_FAILED, "en", "found corrupt files but was unable to fix some of them")
      .add(SfcVerdict.VIOLATIONS_FOUND, "en", "found integrity violations")
      .add(SfcVerdict.PENDING_REBOOT, "en", "there is a system repair pending which requires reboot to complete")
      .add(SfcVerdict.OPERATION_FAILED, "en", "could not perform the requested operation")
      .add(SfcVerdict.SERVICE_FAILED, "en", "could not start the repair service")
      .add(SfcVerdict.SERVICING_BUSY, "en", "another servicing or repair operation is currently running")
      .add(SfcVerdict.NOT_ADMIN, "en", "you must be an administrator running a console session")
      .add(SfcVerdict.NO_VIOLATIONS, "de", "hat keine integritätsverletzungen gefunden")
      .add(SfcVerdict.REPAIRED, "de", "hat beschädigte dateien gefunden und erfolgreich repariert")
      .add(SfcVerdict.REPAIRED, "es", "encontró archivos corruptos y los reparó correctamente")
      .add(SfcVerdict.PENDING_REBOOT, "es", "hay una reparación del sistema pendiente que requiere reiniciar")
      .build();

  /** Printed after a successful repair when files in use are replaced at the next boot. */
  static final PhraseTable<Boolean> REBOOT_TO_TAKE_EFFECT = PhraseTable.<Boolean>builder()
      .add(true, "en", "will take effect after the next reboot")
      .build();
}
