package servicerunner.task.dism;

import java.util.List;

/**
 * DISM's result sentences per language (normalised: lower case, whitespace collapsed). Sources: tool-outputs.md
 * section 3 (observed English transcripts; German and Spanish from other projects' fixtures; Russian observed) and
 * section 0.4 (elevation text, English and German). Exit codes, which DISM does document, are checked first; these
 * phrases decide the health state, which DISM reports only in text (exit 0 also for "repairable").
 */
final class DismPhrases {
  private DismPhrases() {}

  static final List<String> HEALTHY = List.of(
      "no component store corruption detected",
      "es wurde keine komponentenspeicherbeschädigung erkannt",
      "no se detectaron daños en el almacén de componentes");
  static final List<String> REPAIRABLE = List.of(
      "the component store is repairable",
      "el almacén de componentes se puede reparar");
  static final List<String> NOT_REPAIRABLE = List.of("the component store cannot be repaired");
  static final List<String> RESTORED = List.of(
      "the restore operation completed successfully",
      "the component store corruption was repaired");
  static final List<String> SOURCE_MISSING = List.of(
      "the source files could not be found",
      "could not be downloaded",
      "не удалось найти исходные файлы",
      "no se encontró el contenido de reparación");
  static final List<String> ELEVATION = List.of(
      "elevated permissions are required to run dism",
      "für dism sind erhöhte rechte erforderlich");
  static final List<String> ROLLBACK = List.of("a system reboot is required to roll back");
  static final List<String> OPERATION_COMPLETE = List.of(
      "the operation completed successfully",
      "der vorgang wurde erfolgreich beendet",
      "la operación se completó correctamente");

  static boolean any(String text, List<String> phrases) {
    return phrases.stream().anyMatch(text::contains);
  }
}
