package servicerunner.task.chkdsk;

import servicerunner.text.PhraseTable;

/**
 * chkdsk's sentences in English and German. Sources: tool-outputs.md section 4 and 0.4 (Microsoft docs, chkdsk's
 * message table, transcripts); German from posted Windows XP-era {@code chkdsk e: /f} transcripts (see
 * fixtures/tool-output/chkdsk_scan/README.md). Several can occur in one run, so the parser asks for each
 * ({@link PhraseTable#any}) rather than taking the first.
 */
final class ChkdskPhrases {
  private ChkdskPhrases() {}

  /** What a sentence tells about the run. */
  enum Said {
    NO_PROBLEMS, CORRECTIONS, ERRORS_FOUND, NOT_CORRECTED, IN_USE, PROMPT, SCHEDULED, DISMOUNTED, ACCESS_DENIED,
    INVALID_DRIVE
  }

  static final PhraseTable<Said> SENTENCES = PhraseTable.<Said>builder()
      .add(Said.NO_PROBLEMS, "en", "found no problems")
      .add(Said.NO_PROBLEMS, "de", "es wurden keine probleme festgestellt")
      .add(Said.CORRECTIONS, "en", "made corrections to the file system")
      .add(Said.CORRECTIONS, "de", "hat probleme im dateisystem behoben")
      .add(Said.ERRORS_FOUND, "en", "found problems with the file system", "scanned the file system and found problems",
          "errors found. chkdsk cannot continue", "run chkdsk with the /f")
      .add(Said.ERRORS_FOUND, "de", "hat probleme im dateisystem gefunden", "führen sie chkdsk mit der option /f")
      .add(Said.NOT_CORRECTED, "en", "could not be corrected")
      .add(Said.IN_USE, "en", "volume is in use by another process", "cannot lock current drive")
      .add(Said.IN_USE, "de", "da das volume von einem anderen prozess verwendet wird")
      .add(Said.PROMPT, "en", "would you like to schedule", "would you like to force a dismount", "(y/n)")
      .add(Said.PROMPT, "de", "möchten sie die bereitstellung des volumes aufheben", "(j/n)")
      .add(Said.SCHEDULED, "en", "will be checked the next time the system restarts")
      .add(Said.DISMOUNTED, "en", "volume dismounted")
      .add(Said.DISMOUNTED, "de", "bereitstellung des volumes aufgehoben. alle offenen")
      .add(Said.ACCESS_DENIED, "en", "access denied", "access is denied", "insufficient privileges")
      .add(Said.ACCESS_DENIED, "de", "zugriff verweigert")
      .add(Said.INVALID_DRIVE, "en", "cannot find the drive specified", "invalid drive")
      .add(Said.INVALID_DRIVE, "de", "das system kann das angegebene laufwerk nicht finden")
      .build();

  /**
   * The size lines' labels ("685495315 KB total disk space.") to the summary field. First match wins: "indexes"
   * before "files", and "log file" before both.
   */
  static final PhraseTable<String> SIZES = PhraseTable.<String>builder()
      .add("total_disk_kb", "en", "total disk space")
      .add("total_disk_kb", "de", "auf dem datenträger insgesamt")
      .add("bad_sectors_kb", "en", "bad sectors")
      .add("bad_sectors_kb", "de", "fehlerhaften sektoren")
      .add("system_use_kb", "en", "in use by the system")
      .add("system_use_kb", "de", "vom system benutzt")
      .add("log_file_kb", "en", "log file")
      .add("log_file_kb", "de", "protokolldatei")
      .add("available_kb", "en", "available on disk")
      .add("available_kb", "de", "auf dem datenträger verfügbar")
      .add("in_indexes_kb", "en", "indexes")
      .add("in_indexes_kb", "de", "indizes")
      .add("in_files_kb", "en", "files")
      .add("in_files_kb", "de", "dateien")
      .build();
}
