package servicerunner.task.sfc;

import java.util.List;
import java.util.Optional;

/**
 * sfc's verdict sentences per language, matched against the normalised text (lines joined, whitespace collapsed,
 * lower case, typographic apostrophes made ASCII). Order matters: the first phrase found wins, so longer sentences
 * that contain shorter ones come first. Sources: tool-outputs.md section 2 (Microsoft Learn samples, user
 * transcripts, a peer's catalogue of sfc.exe's message table; de/es from other projects' fixtures).
 */
final class SfcPhrases {
  private SfcPhrases() {}

  record Phrase(String language, String text, SfcVerdict verdict) {}

  static final List<Phrase> VERDICTS = List.of(
      new Phrase("en", "did not find any integrity violations but cannot guarantee", SfcVerdict.METADATA_CORRUPT),
      new Phrase("en", "did not find any integrity violations", SfcVerdict.NO_VIOLATIONS),
      new Phrase("en", "found corrupt files and successfully repaired them", SfcVerdict.REPAIRED),
      new Phrase("en", "found corrupt files but was unable to fix some of them", SfcVerdict.REPAIR_FAILED),
      new Phrase("en", "found integrity violations", SfcVerdict.VIOLATIONS_FOUND),
      new Phrase("en", "there is a system repair pending which requires reboot to complete", SfcVerdict.PENDING_REBOOT),
      new Phrase("en", "could not perform the requested operation", SfcVerdict.OPERATION_FAILED),
      new Phrase("en", "could not start the repair service", SfcVerdict.SERVICE_FAILED),
      new Phrase("en", "another servicing or repair operation is currently running", SfcVerdict.SERVICING_BUSY),
      new Phrase("en", "you must be an administrator running a console session", SfcVerdict.NOT_ADMIN),
      new Phrase("de", "hat keine integritätsverletzungen gefunden", SfcVerdict.NO_VIOLATIONS),
      new Phrase("de", "hat beschädigte dateien gefunden und erfolgreich repariert", SfcVerdict.REPAIRED),
      new Phrase("es", "encontró archivos corruptos y los reparó correctamente", SfcVerdict.REPAIRED),
      new Phrase("es", "hay una reparación del sistema pendiente que requiere reiniciar", SfcVerdict.PENDING_REBOOT));

  /** Printed after a successful repair when files in use are replaced at the next boot. */
  static final List<String> REBOOT_TO_TAKE_EFFECT = List.of("will take effect after the next reboot");

  static Optional<Phrase> find(String normalised) {
    return VERDICTS.stream().filter(p -> normalised.contains(p.text())).findFirst();
  }
}
