package servicerunner.task.chkdsk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.text.PhraseTable;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;
import servicerunner.task.chkdsk.ChkdskPhrases.Said;

/**
 * Turns chkdsk's output (raw bytes in the console OEM code page) into the chkdsk_scan summary and status. Pure.
 * The exit code is used as Microsoft documents it (windows-commands/chkdsk): 0 no errors, 1 errors fixed, 2 cleanup
 * done or skipped without /f, 3 could not check / errors not fixed.
 */
public final class ChkdskOutputParser {
  private ChkdskOutputParser() {}

  static final int OUTPUT_CHARS = 3000;
  /** "  685495315 KB total disk space." / "3815245 MB total disk space." (big volumes switch to MB). */
  private static final Pattern SIZE_LINE = Pattern.compile("^([0-9][0-9.,\\u00a0\\u202f ]*)\\s+(KB|MB)\\s+(.+)$");
  private static final Pattern DURATION_MS = Pattern.compile("\\((\\d+)\\s*ms\\)");
  private static final Pattern FILESYSTEM = Pattern.compile(
      "(?:the type of the file system is|der typ des dateisystems ist)\\s+([a-z0-9]+)");

  public record Request(String drive, String mode, boolean scheduleIfBusy) {}

  public static TaskOutcome parse(byte[] bytes, Charset oem, Integer exitCode, Request req) {
    String text = Decoding.decode(bytes, Decoding.sniff(bytes, bytes.length, oem));
    List<String> lines = visibleLines(text);
    String norm = PhraseTable.normalise(String.join(" ", lines));

    Map<String, Long> kb = new LinkedHashMap<>();
    for (String l : lines) {
      Matcher m = SIZE_LINE.matcher(l);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
        ChkdskPhrases.SIZES.first(PhraseTable.normalise(m.group(3)))
            .ifPresent(key -> kb.putIfAbsent(key, "MB".equals(m.group(2)) ? n * 1024 : n));
      }
    }
    Double duration = null;
    Matcher d = DURATION_MS.matcher(norm);
    while (d.find()) {
      duration = Long.parseLong(d.group(1)) / 1000.0;
    }
    Matcher fs = FILESYSTEM.matcher(norm);
    Set<Said> said = Arrays.stream(Said.values()).filter(x -> ChkdskPhrases.SENTENCES.any(norm, x))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Said.class)));
    Decision dec = decide(said, exitCode, req);

    ObjectNode s = Json.object();
    s.put("drive", req.drive());
    s.put("mode", req.mode());
    s.put("verdict", dec.verdict.id());
    s.put("found_no_problems", said.contains(Said.NO_PROBLEMS) && !said.contains(Said.ERRORS_FOUND));
    s.put("errors_found", said.contains(Said.ERRORS_FOUND) || said.contains(Said.NOT_CORRECTED));
    s.put("made_corrections", said.contains(Said.CORRECTIONS));
    s.put("volume_in_use", said.contains(Said.IN_USE));
    s.put("prompted_schedule_or_dismount", said.contains(Said.PROMPT));
    s.put("scheduled", said.contains(Said.SCHEDULED));
    s.put("dismounted", said.contains(Said.DISMOUNTED));
    s.put("access_denied", said.contains(Said.ACCESS_DENIED));
    s.put("invalid_drive", said.contains(Said.INVALID_DRIVE));
    s.put("filesystem_type", fs.find() ? fs.group(1).toUpperCase(Locale.ROOT) : null);
    Stream.of("total_disk_kb", "in_files_kb", "in_indexes_kb", "bad_sectors_kb", "system_use_kb", "log_file_kb",
        "available_kb").forEach(key -> s.put(key, kb.get(key)));
    s.put("duration_seconds", duration == null ? null : Json.round(duration, 3));
    s.put("return_code", exitCode);
    s.put("return_code_meaning", exitMeaning(exitCode == null ? -1 : exitCode));
    String out = String.join("\n", lines);
    s.put("output", out.length() <= OUTPUT_CHARS ? out : out.substring(out.length() - OUTPUT_CHARS));
    List<String> notes = new ArrayList<>();
    if (kb.containsKey("bad_sectors_kb") && kb.get("bad_sectors_kb") > 0) {
      notes.add(kb.get("bad_sectors_kb") + " KB in bad sectors: check the drive's SMART data and back it up.");
    }
    if (said.contains(Said.PROMPT) && !said.contains(Said.SCHEDULED) && !req.scheduleIfBusy()) {
      notes.add("chkdsk asked to schedule or dismount; stdin was closed, so it got no answer.");
    }
    if (dec.verdict == ChkdskVerdict.SCHEDULED) {
      notes.add("Restart Windows to run the check; it can take a long time on big volumes.");
    }
    ObjectNode hr = s.putObject("human_readable").put("verdict", dec.sentence);
    notes.forEach(hr.putArray("notes")::add);
    if (dec.status == Status.ERROR) {
      s.put("error", dec.sentence);
    } else if (dec.status == Status.WARNING) {
      s.put("warning", dec.sentence);
    }
    return TaskOutcome.of(dec.status, new Verdict(dec.verdict.id(), dec.sentence, notes), s);
  }

  private record Decision(Status status, ChkdskVerdict verdict, String sentence) {}

  /** What the text says decides; the documented exit code only when no known sentence was found. */
  private static Decision decide(Set<Said> said, Integer exitCode, Request req) {
    boolean readOnly = "read_only".equals(req.mode());
    int rc = exitCode == null ? -1 : exitCode;
    if (said.contains(Said.ACCESS_DENIED)) {
      return new Decision(Status.ERROR, ChkdskVerdict.ACCESS_DENIED,
          "chkdsk needs administrator rights (or the disk is locked by another process).");
    }
    if (said.contains(Said.INVALID_DRIVE)) {
      return new Decision(Status.ERROR, ChkdskVerdict.INVALID_DRIVE, "Drive " + req.drive() + " was not found.");
    }
    if (said.contains(Said.IN_USE) && !said.contains(Said.DISMOUNTED)) {
      if (said.contains(Said.SCHEDULED)) {
        return new Decision(Status.SUCCESS, ChkdskVerdict.SCHEDULED,
            "The volume is in use; the check is scheduled for the next restart.");
      }
      if (readOnly) {
        return new Decision(rc == 0 ? Status.SUCCESS : Status.WARNING, ChkdskVerdict.VOLUME_IN_USE,
            "The volume is in use by another process.");
      }
      return new Decision(Status.WARNING, ChkdskVerdict.VOLUME_IN_USE_NOT_SCHEDULED,
          "The volume is in use and the check was not scheduled (set schedule_if_busy to schedule it).");
    }
    if (said.contains(Said.NOT_CORRECTED)) {
      return new Decision(Status.ERROR, ChkdskVerdict.ERRORS_NOT_CORRECTED,
          "chkdsk found file system problems it could not correct.");
    }
    if (said.contains(Said.ERRORS_FOUND) && !said.contains(Said.CORRECTIONS)) {
      return readOnly
          ? new Decision(Status.WARNING, ChkdskVerdict.ERRORS_FOUND,
              "File system problems found: run chkdsk_scan with mode fix_errors (chkdsk /f).")
          : new Decision(Status.ERROR, ChkdskVerdict.ERRORS_FOUND, "File system problems were found and not fixed.");
    }
    if (said.contains(Said.CORRECTIONS)) {
      return new Decision(Status.SUCCESS, ChkdskVerdict.CORRECTED, "chkdsk found problems and corrected them.");
    }
    if (said.contains(Said.NO_PROBLEMS)) {
      return new Decision(Status.SUCCESS, ChkdskVerdict.NO_PROBLEMS, "No file system problems found.");
    }
    if (rc == 0 || rc == 1) {
      return new Decision(Status.SUCCESS, rc == 0 ? ChkdskVerdict.NO_ERRORS_EXIT_CODE : ChkdskVerdict.FIXED_EXIT_CODE,
          "chkdsk finished: " + exitMeaning(rc) + " (from the exit code; the text was not recognised).");
    }
    if (rc == 2) {
      return new Decision(Status.WARNING, ChkdskVerdict.CLEANUP_EXIT_CODE, "chkdsk: " + exitMeaning(rc) + ".");
    }
    return new Decision(Status.ERROR, ChkdskVerdict.FAILED,
        "chkdsk " + (exitCode == null ? "gave no exit code" : "failed: " + exitMeaning(rc)) + ".");
  }

  /** Lines as a console would finally show them: a CR redraw keeps only the last state of its line. */
  static List<String> visibleLines(String text) {
    return Arrays.stream(text.split("\r?\n"))
        .map(line -> Arrays.stream(line.split("\r")).filter(r -> !r.isBlank()).reduce((a, b) -> b).orElse("").strip())
        .filter(t -> !t.isEmpty()).toList();
  }

  /** Microsoft docs, windows-commands/chkdsk, "Understanding exit codes". */
  static String exitMeaning(int rc) {
    return switch (rc) {
      case 0 -> "no errors were found";
      case 1 -> "errors were found and fixed";
      case 2 -> "performed disk cleanup, or did not because /f was not given";
      case 3 -> "could not check the disk, errors could not be fixed, or were not fixed because /f was not given";
      default -> "undocumented exit code " + rc;
    };
  }
}
