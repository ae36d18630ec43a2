package servicerunner.task.dism;

import servicerunner.text.PhraseTable;

/**
 * DISM's result sentences per language, each mapped to the verdict it supports. Sources: tool-outputs.md section 3
 * (observed English transcripts; German and Spanish from other projects' fixtures; Russian observed) and section 0.4
 * (elevation text, English and German). Exit codes, which DISM does document, are checked first; these phrases
 * decide the health state, which DISM reports only in text (exit 0 also for "repairable").
 */
final class DismPhrases {
  private DismPhrases() {}

  static final PhraseTable<DismVerdict> SENTENCES = PhraseTable.<DismVerdict>builder()
      .add(DismVerdict.HEALTHY, "en", "no component store corruption detected")
      .add(DismVerdict.HEALTHY, "de", "es wurde keine komponentenspeicherbeschädigung erkannt")
      .add(DismVerdict.HEALTHY, "es", "no se detectaron daños en el almacén de componentes")
      .add(DismVerdict.REPAIRABLE, "en", "the component store is repairable")
      .add(DismVerdict.REPAIRABLE, "es", "el almacén de componentes se puede reparar")
      .add(DismVerdict.NOT_REPAIRABLE, "en", "the component store cannot be repaired")
      .add(DismVerdict.RESTORED, "en", "the restore operation completed successfully",
          "the component store corruption was repaired")
      .add(DismVerdict.SOURCE_FILES_NOT_FOUND, "en", "the source files could not be found", "could not be downloaded")
      .add(DismVerdict.SOURCE_FILES_NOT_FOUND, "ru", "не удалось найти исходные файлы")
      .add(DismVerdict.SOURCE_FILES_NOT_FOUND, "es", "no se encontró el contenido de reparación")
      .add(DismVerdict.ELEVATION_REQUIRED, "en", "elevated permissions are required to run dism")
      .add(DismVerdict.ELEVATION_REQUIRED, "de", "für dism sind erhöhte rechte erforderlich")
      .add(DismVerdict.FAILED_ROLLBACK_PENDING, "en", "a system reboot is required to roll back")
      .add(DismVerdict.COMPLETED, "en", "the operation completed successfully")
      .add(DismVerdict.COMPLETED, "de", "der vorgang wurde erfolgreich beendet")
      .add(DismVerdict.COMPLETED, "es", "la operación se completó correctamente")
      .build();
}
