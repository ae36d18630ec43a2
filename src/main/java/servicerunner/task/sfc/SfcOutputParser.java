package servicerunner.task.sfc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.text.PhraseTable;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/**
 * Turns sfc's raw output bytes into the sfc_scan summary and status. Pure: bytes in, outcome out.
 *
 * <p>sfc writes UTF-16LE without a BOM to a pipe, so the bytes are sniffed ({@link Decoding}); progress is redrawn
 * with a bare CR, and Windows 7 wraps its verdict sentence across lines, so segments are split on CR and LF, progress
 * segments dropped and the rest joined with whitespace collapsed before any phrase is looked for.
 */
public final class SfcOutputParser {
  private SfcOutputParser() {}

  static final int MESSAGE_CHARS = 600;
  static final int TAIL_CHARS = 1500;
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s?%");

  public static TaskOutcome parse(byte[] stdout, byte[] stderr, Integer exitCode, boolean verifyOnly) {
    String text = Decoding.decodeAuto(stdout);
    if (stderr != null && stderr.length > 0) {
      text = text + "\n" + Decoding.decodeAuto(stderr);
    }
    text = text.replace("\u0000", "");
    List<String> segments = new ArrayList<>();
    Integer percent = null;
    for (String seg : text.split("\r\n|\r|\n")) {
      String s = seg.strip();
      if (s.isEmpty()) {
        continue;
      }
      Matcher m = PERCENT.matcher(s);
      if (s.length() < 80 && m.find()) {
        int p = Integer.parseInt(m.group(1));
        percent = percent == null ? p : Math.max(percent, p);
        continue; // a progress redraw, not part of any sentence
      }
      segments.add(s);
    }
    String joined = collapse(String.join(" ", segments));
    String normalised = PhraseTable.normalise(joined);
    Optional<PhraseTable.Phrase<SfcVerdict>> hit = SfcPhrases.VERDICTS.find(normalised);
    SfcVerdict v = hit.map(PhraseTable.Phrase::value).orElse(SfcVerdict.UNKNOWN);
    boolean rebootToTakeEffect = SfcPhrases.REBOOT_TO_TAKE_EFFECT.first(normalised).orElse(false);
    boolean pendingReboot = v == SfcVerdict.PENDING_REBOOT || rebootToTakeEffect;

    ObjectNode s = Json.object();
    s.put("verdict", v.id);
    s.put("integrity_violations", v.integrityViolations);
    s.put("repairs_attempted", v.repairsAttempted);
    s.put("repairs_successful", v.repairsSuccessful);
    s.put("pending_reboot", pendingReboot);
    s.put("access_denied", v == SfcVerdict.NOT_ADMIN);
    s.put("verification_percent", percent);
    s.put("verification_complete", percent != null && percent == 100);
    s.put("mode", verifyOnly ? "verifyonly" : "scannow");
    s.put("language", hit.map(PhraseTable.Phrase::language).orElse(null));
    s.put("message", joined.length() <= MESSAGE_CHARS ? joined : joined.substring(joined.length() - MESSAGE_CHARS));
    s.put("return_code", exitCode);
    ObjectNode hr = s.putObject("human_readable").put("verdict", v.sentence);
    List<String> notes = new ArrayList<>();
    if (rebootToTakeEffect && v != SfcVerdict.PENDING_REBOOT) {
      notes.add("Some repairs take effect after the next restart.");
    }
    if (v == SfcVerdict.REPAIR_FAILED || v == SfcVerdict.VIOLATIONS_FOUND || v == SfcVerdict.METADATA_CORRUPT) {
      notes.add("Run DISM /Online /Cleanup-Image /RestoreHealth, restart, then run sfc /scannow again.");
    }
    if (v == SfcVerdict.REPAIRED || v == SfcVerdict.REPAIR_FAILED || v == SfcVerdict.VIOLATIONS_FOUND) {
      notes.add("Details are in %windir%\\Logs\\CBS\\CBS.log.");
    }
    if (v == SfcVerdict.UNKNOWN) {
      notes.add("The verdict is not guessed from the exit code (" + exitCode + "): sfc's exit codes are undocumented.");
      String tail = text.replace("\r\n", "\n").replace('\r', '\n').strip();
      s.put("output_tail", tail.length() <= TAIL_CHARS ? tail : tail.substring(tail.length() - TAIL_CHARS));
      s.put("warning", tail.isEmpty() ? "sfc printed nothing" : "sfc's verdict was not recognised; see output_tail");
    } else if (v.status == Status.ERROR) {
      s.put("error", v.sentence);
    } else if (v.status == Status.WARNING) {
      s.put("warning", v.sentence);
    }
    notes.forEach(hr.putArray("notes")::add);
    return TaskOutcome.of(v.status, new Verdict(v.id, v.sentence, notes), s);
  }

  static String collapse(String s) {
    return s.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
  }
}
