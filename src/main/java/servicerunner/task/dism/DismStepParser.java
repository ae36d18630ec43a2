package servicerunner.task.dism;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.text.PhraseTable;
import servicerunner.task.Status;

/**
 * Parses one DISM /Cleanup-Image step (raw bytes in the console OEM code page, its exit code) into the step object
 * the renderer reads: {@code {action, return_code, return_code_hex, verdict, status, parsed{health_state, message,
 * repair_success, ...}}}. Pure function.
 */
public final class DismStepParser {
  private DismStepParser() {}

  /** CBS_E_SOURCE_MISSING, 0x800F081F read as a signed 32-bit exit status. */
  static final int SOURCE_MISSING_EXIT = 0x800F081F;
  static final int ELEVATION_EXIT = 740;
  static final int REBOOT_REQUIRED_EXIT = 3010;
  static final int ROLLBACK_EXIT = 3017;
  static final int INVALID_OPTION_EXIT = 87;
  private static final int MESSAGE_LINES = 12;

  /** "Error: 0x800f081f", "Fehler: 740", "Ошибка: 0x800f081f": one word, a colon, a code, alone on the line. */
  private static final Pattern ERROR_LINE = Pattern.compile("^[^\\s:]{2,20}:\\s*(0x[0-9a-fA-F]{1,8}|\\d{1,10})$");
  private static final Pattern VERSION_LINE = Pattern.compile("^[^:]{2,60}:\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)$");
  private static final Pattern BAR_PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d)?)%");

  public static ObjectNode parse(String action, byte[] bytes, Charset oem, Integer exitCode) {
    // OEM is the expected encoding; a system with the "UTF-8 for worldwide language support" option writes UTF-8
    // (disk-butler PR #4), which the sniff recognises as valid UTF-8 first.
    String text = Decoding.decode(bytes, Decoding.sniff(bytes, bytes.length, oem));
    List<String> lines = new ArrayList<>();
    Double progress = null;
    String errorCode = null;
    List<String> versions = new ArrayList<>();
    for (String seg : text.split("\r\n|\r|\n")) {
      String s = seg.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (s.startsWith("[") && s.endsWith("]")) {
        Matcher m = BAR_PERCENT.matcher(s);
        if (m.find()) {
          progress = Double.parseDouble(m.group(1).replace(',', '.'));
        }
        continue;
      }
      Matcher e = ERROR_LINE.matcher(s);
      if (e.matches()) {
        errorCode = e.group(1).toLowerCase(Locale.ROOT);
      }
      Matcher v = VERSION_LINE.matcher(s);
      if (v.matches()) {
        versions.add(v.group(1));
      }
      lines.add(s);
    }
    String norm = PhraseTable.normalise(String.join(" ", lines));

    int rc = exitCode == null ? 0 : exitCode;
    boolean elevation = rc == ELEVATION_EXIT || "740".equals(errorCode) || said(norm, DismVerdict.ELEVATION_REQUIRED);
    boolean sourceMissing = rc == SOURCE_MISSING_EXIT || "0x800f081f".equals(errorCode)
        || said(norm, DismVerdict.SOURCE_FILES_NOT_FOUND);
    boolean rollback = rc == ROLLBACK_EXIT || said(norm, DismVerdict.FAILED_ROLLBACK_PENDING);
    boolean restored = said(norm, DismVerdict.RESTORED);
    boolean notRepairable = said(norm, DismVerdict.NOT_REPAIRABLE);
    boolean repairable = said(norm, DismVerdict.REPAIRABLE);
    boolean healthy = said(norm, DismVerdict.HEALTHY);
    boolean complete = said(norm, DismVerdict.COMPLETED);
    boolean rebootRequired = rc == REBOOT_REQUIRED_EXIT || rollback;
    boolean exitOk = exitCode != null && (rc == 0 || rc == REBOOT_REQUIRED_EXIT);

    DismVerdict verdict = exitCode == null ? DismVerdict.UNKNOWN
        : elevation ? DismVerdict.ELEVATION_REQUIRED
        : sourceMissing ? DismVerdict.SOURCE_FILES_NOT_FOUND
        : rollback ? DismVerdict.FAILED_ROLLBACK_PENDING
        : rc == INVALID_OPTION_EXIT ? DismVerdict.INVALID_OPTION
        : notRepairable ? DismVerdict.NOT_REPAIRABLE
        : !exitOk ? DismVerdict.FAILED
        : restored ? DismVerdict.RESTORED
        : repairable ? DismVerdict.REPAIRABLE
        : healthy ? DismVerdict.HEALTHY
        : complete ? DismVerdict.COMPLETED
        : DismVerdict.UNKNOWN;

    ObjectNode step = Json.object();
    step.put("action", action);
    step.put("return_code", exitCode);
    step.put("return_code_hex", exitCode == null ? null : hex(exitCode));
    step.put("verdict", verdict.id());
    step.put("status", verdict.status.id());
    ObjectNode parsed = step.putObject("parsed");
    parsed.put("health_state", verdict.healthState);
    boolean repairAttempted = "restorehealth".equals(action);
    parsed.put("repair_attempted", repairAttempted);
    // null: not a repair step, or a result DISM did not spell out in a known language
    parsed.put("repair_success", !repairAttempted ? null : verdict == DismVerdict.RESTORED ? Boolean.TRUE
        : verdict.status == Status.ERROR || verdict == DismVerdict.SOURCE_FILES_NOT_FOUND ? Boolean.FALSE : null);
    parsed.put("corruption_detected", verdict == DismVerdict.REPAIRABLE || verdict == DismVerdict.NOT_REPAIRABLE
        || verdict == DismVerdict.SOURCE_FILES_NOT_FOUND || restored);
    parsed.put("access_denied", elevation);
    parsed.put("source_files_missing", sourceMissing);
    parsed.put("reboot_required", rebootRequired);
    parsed.put("operation_complete", complete);
    parsed.put("error_code", errorCode);
    parsed.put("progress_percent", progress);
    if (versions.size() > 0) {
      parsed.put("dism_version", versions.get(0));
    }
    if (versions.size() > 1) {
      parsed.put("image_version", versions.get(1));
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - MESSAGE_LINES), lines.size());
    parsed.put("message", String.join("\n", tail));
    return step;
  }

  private static boolean said(String norm, DismVerdict v) {
    return DismPhrases.SENTENCES.any(norm, v);
  }

  /** "0x800F081F" for -2146498529; small codes as well ("0x000002E4" for 740). */
  static String hex(int code) {
    return String.format(Locale.ROOT, "0x%08X", code);
  }
}
