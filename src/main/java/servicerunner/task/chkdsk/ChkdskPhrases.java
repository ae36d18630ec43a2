package servicerunner.task.chkdsk;

import java.util.List;

/**
 * chkdsk's sentences in English and German (normalised: lower case, lines joined, whitespace collapsed). Sources:
 * tool-outputs.md section 4 and 0.4 (Microsoft docs, chkdsk's message table, transcripts); German from posted
 * Windows XP-era {@code chkdsk e: /f} transcripts (see fixtures/tool-output/chkdsk_scan/README.md).
 */
final class ChkdskPhrases {
  private ChkdskPhrases() {}

  static final List<String> NO_PROBLEMS = List.of(
      "found no problems",
      "es wurden keine probleme festgestellt");
  static final List<String> CORRECTIONS = List.of(
      "made corrections to the file system",
      "hat probleme im dateisystem behoben");
  static final List<String> ERRORS_FOUND = List.of(
      "found problems with the file system",
      "scanned the file system and found problems",
      "errors found. chkdsk cannot continue",
      "run chkdsk with the /f",
      "hat probleme im dateisystem gefunden",
      "führen sie chkdsk mit der option /f");
  static final List<String> NOT_CORRECTED = List.of("could not be corrected");
  static final List<String> IN_USE = List.of(
      "volume is in use by another process",
      "cannot lock current drive",
      "da das volume von einem anderen prozess verwendet wird");
  static final List<String> PROMPT = List.of(
      "would you like to schedule",
      "would you like to force a dismount",
      "möchten sie die bereitstellung des volumes aufheben");
  static final List<String> SCHEDULED = List.of("will be checked the next time the system restarts");
  static final List<String> DISMOUNTED = List.of(
      "volume dismounted",
      "bereitstellung des volumes aufgehoben. alle offenen");
  static final List<String> ACCESS_DENIED = List.of(
      "access denied",
      "access is denied",
      "insufficient privileges",
      "zugriff verweigert");
  static final List<String> INVALID_DRIVE = List.of(
      "cannot find the drive specified",
      "invalid drive",
      "das system kann das angegebene laufwerk nicht finden");

  static boolean any(String text, List<String> phrases) {
    return phrases.stream().anyMatch(text::contains);
  }
}
