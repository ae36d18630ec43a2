package servicerunner.task.chkdsk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

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
    String norm = String.join(" ", lines).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);

    Map<String, Long> kb = new LinkedHashMap<>();
    for (String l : lines) {
      Matcher m = SIZE_LINE.matcher(l);
      if (m.matches()) {
        String key = sizeKey(m.group(3).toLowerCase(Locale.ROOT));
        long n = Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
        if (key != null && !kb.containsKey(key)) {
          kb.put(key, "MB".equals(m.group(2)) ? n * 1024 : n);
        }
      }
    }
    Double duration = null;
    Matcher d = DURATION_MS.matcher(norm);
    while (d.find()) {
      duration = Long.parseLong(d.group(1)) / 1000.0;
    }
    Matcher fs = FILESYSTEM.matcher(norm);

    boolean noProblems = ChkdskPhrases.any(norm, ChkdskPhrases.NO_PROBLEMS);
    boolean corrections = ChkdskPhrases.any(norm, ChkdskPhrases.CORRECTIONS);
    boolean errorsFound = ChkdskPhrases.any(norm, ChkdskPhrases.ERRORS_FOUND);
    boolean notCorrected = ChkdskPhrases.any(norm, ChkdskPhrases.NOT_CORRECTED);
    boolean inUse = ChkdskPhrases.any(norm, ChkdskPhrases.IN_USE);
    boolean prompted = ChkdskPhrases.any(norm, ChkdskPhrases.PROMPT) || norm.contains("(y/n)") || norm.contains("(j/n)");
    boolean scheduled = ChkdskPhrases.any(norm, ChkdskPhrases.SCHEDULED);
    boolean dismounted = ChkdskPhrases.any(norm, ChkdskPhrases.DISMOUNTED);
    boolean denied = ChkdskPhrases.any(norm, ChkdskPhrases.ACCESS_DENIED);
    boolean invalidDrive = ChkdskPhrases.any(norm, ChkdskPhrases.INVALID_DRIVE);
    boolean readOnly = "read_only".equals(req.mode());
    int rc = exitCode == null ? -1 : exitCode;

    Status status;
    String verdict;
    String sentence;
    if (denied) {
      status = Status.ERROR;
      verdict = "access_denied";
      sentence = "chkdsk needs administrator rights (or the disk is locked by another process).";
    } else if (invalidDrive) {
      status = Status.ERROR;
      verdict = "invalid_drive";
      sentence = "Drive " + req.drive() + " was not found.";
    } else if (inUse && !dismounted) {
      if (scheduled) {
        status = Status.SUCCESS;
        verdict = "scheduled";
        sentence = "The volume is in use; the check is scheduled for the next restart.";
      } else if (readOnly) {
        status = rc == 0 ? Status.SUCCESS : Status.WARNING;
        verdict = "volume_in_use";
        sentence = "The volume is in use by another process.";
      } else {
        status = Status.WARNING;
        verdict = "volume_in_use_not_scheduled";
        sentence = "The volume is in use and the check was not scheduled (set schedule_if_busy to schedule it).";
      }
    } else if (notCorrected) {
      status = Status.ERROR;
      verdict = "errors_not_corrected";
      sentence = "chkdsk found file system problems it could not correct.";
    } else if (errorsFound && !corrections) {
      status = readOnly ? Status.WARNING : Status.ERROR;
      verdict = "errors_found";
      sentence = readOnly
          ? "File system problems found: run chkdsk_scan with mode fix_errors (chkdsk /f)."
          : "File system problems were found and not fixed.";
    } else if (corrections) {
      status = Status.SUCCESS;
      verdict = "corrected";
      sentence = "chkdsk found problems and corrected them.";
    } else if (noProblems) {
      status = Status.SUCCESS;
      verdict = "no_problems";
      sentence = "No file system problems found.";
    } else if (rc == 0 || rc == 1) {
      status = Status.SUCCESS;
      verdict = rc == 0 ? "no_errors_exit_code" : "fixed_exit_code";
      sentence = "chkdsk finished: " + exitMeaning(rc) + " (from the exit code; the text was not recognised).";
    } else if (rc == 2) {
      status = Status.WARNING;
      verdict = "cleanup_exit_code";
      sentence = "chkdsk: " + exitMeaning(rc) + ".";
    } else {
      status = Status.ERROR;
      verdict = "failed";
      sentence = "chkdsk " + (exitCode == null ? "gave no exit code" : "failed: " + exitMeaning(rc)) + ".";
    }

    ObjectNode s = Json.object();
    s.put("drive", req.drive());
    s.put("mode", req.mode());
    s.put("verdict", verdict);
    s.put("found_no_problems", noProblems && !errorsFound);
    s.put("errors_found", errorsFound || notCorrected);
    s.put("made_corrections", corrections);
    s.put("volume_in_use", inUse);
    s.put("prompted_schedule_or_dismount", prompted);
    s.put("scheduled", scheduled);
    s.put("dismounted", dismounted);
    s.put("access_denied", denied);
    s.put("invalid_drive", invalidDrive);
    if (fs.find()) {
      s.put("filesystem_type", fs.group(1).toUpperCase(Locale.ROOT));
    } else {
      s.putNull("filesystem_type");
    }
    for (String key : List.of("total_disk_kb", "in_files_kb", "in_indexes_kb", "bad_sectors_kb", "system_use_kb",
        "log_file_kb", "available_kb")) {
      Long v = kb.get(key);
      if (v == null) {
        s.putNull(key);
      } else {
        s.put(key, v);
      }
    }
    if (duration == null) {
      s.putNull("duration_seconds");
    } else {
      s.put("duration_seconds", Json.round(duration, 3));
    }
    if (exitCode == null) {
      s.putNull("return_code");
    } else {
      s.put("return_code", exitCode);
    }
    s.put("return_code_meaning", exitMeaning(rc));
    String out = String.join("\n", lines);
    s.put("output", out.length() <= OUTPUT_CHARS ? out : out.substring(out.length() - OUTPUT_CHARS));
    ObjectNode hr = s.putObject("human_readable");
    hr.put("verdict", sentence);
    ArrayNode notes = hr.putArray("notes");
    if (kb.containsKey("bad_sectors_kb") && kb.get("bad_sectors_kb") > 0) {
      notes.add(kb.get("bad_sectors_kb") + " KB in bad sectors: check the drive's SMART data and back it up.");
    }
    if (prompted && !scheduled && !req.scheduleIfBusy()) {
      notes.add("chkdsk asked to schedule or dismount; stdin was closed, so it got no answer.");
    }
    if ("scheduled".equals(verdict)) {
      notes.add("Restart Windows to run the check; it can take a long time on big volumes.");
    }
    if (status == Status.ERROR) {
      s.put("error", sentence);
    } else if (status == Status.WARNING) {
      s.put("warning", sentence);
    }
    return TaskOutcome.of(status, s);
  }

  /** Lines as a console would finally show them: a CR redraw keeps only the last state of its line. */
  static List<String> visibleLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      String[] redraws = line.split("\r");
      String last = "";
      for (int i = redraws.length - 1; i >= 0; i--) {
        if (!redraws[i].isBlank()) {
          last = redraws[i];
          break;
        }
      }
      String t = last.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static String sizeKey(String rest) {
    if (rest.contains("total disk space") || rest.contains("auf dem datenträger insgesamt")) {
      return "total_disk_kb";
    }
    if (rest.contains("bad sectors") || rest.contains("fehlerhaften sektoren")) {
      return "bad_sectors_kb";
    }
    if (rest.contains("in use by the system") || rest.contains("vom system benutzt")) {
      return "system_use_kb";
    }
    if (rest.contains("log file") || rest.contains("protokolldatei")) {
      return "log_file_kb";
    }
    if (rest.contains("available on disk") || rest.contains("auf dem datenträger verfügbar")) {
      return "available_kb";
    }
    if (rest.contains("indexes") || rest.contains("indizes")) {
      return "in_indexes_kb";
    }
    if (rest.contains("files") || rest.contains("dateien")) {
      return "in_files_kb";
    }
    return null;
  }

  /** Microsoft docs, windows-commands/chkdsk, "Understanding exit codes". */
  static String exitMeaning(int rc) {
    switch (rc) {
      case 0:
        return "no errors were found";
      case 1:
        return "errors were found and fixed";
      case 2:
        return "performed disk cleanup, or did not because /f was not given";
      case 3:
        return "could not check the disk, errors could not be fixed, or were not fixed because /f was not given";
      default:
        return "undocumented exit code " + rc;
    }
  }
}
