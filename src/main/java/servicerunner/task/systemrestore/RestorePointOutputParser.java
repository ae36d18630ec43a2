package servicerunner.task.systemrestore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

/**
 * Reads what {@code Checkpoint-Computer} printed (PowerShell, console code page; redirected error streams may come
 * as CLIXML) and its exit code. Windows allows one restore point per 24 h (1440 minutes) and PowerShell only warns
 * about it with exit 0, so the text decides. Pure function.
 */
public final class RestorePointOutputParser {
  private RestorePointOutputParser() {}

  static final int OUTPUT_CHARS = 500;

  /** The verdicts the task acts on; {@code PROTECTION_DISABLED} triggers the one remediation attempt. */
  public enum Verdict {
    CREATED, THROTTLED, ACCESS_DENIED, PROTECTION_DISABLED, FAILED
  }

  public record Parsed(Verdict verdict, String output) {}

  private static final Pattern CLIXML_STRING = Pattern.compile("<S S=\"(?:Error|Warning)\">(.*?)</S>", Pattern.DOTALL);

  public static Parsed classify(byte[] stdout, byte[] stderr, Charset oem, Integer exitCode) {
    String text = (decode(stdout, oem) + "\n" + decode(stderr, oem)).replace("\r\n", "\n").strip();
    String norm = text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    Verdict v;
    if (norm.contains("cannot be created because one has already been created within the past")
        || norm.contains("created within the past 24 hours")
        || norm.contains("a new system restore point cannot be created")) {
      v = Verdict.THROTTLED;
    } else if (norm.contains("access is denied") || norm.contains("unauthorizedaccessexception")
        || norm.contains("requires elevation")) {
      v = Verdict.ACCESS_DENIED;
    } else if (norm.contains("0x80070422") || norm.contains("system restore is disabled")
        || norm.contains("because it is disabled") || norm.contains("system protection is turned off")) {
      v = Verdict.PROTECTION_DISABLED;
    } else if (exitCode != null && exitCode == 0 && !norm.contains("checkpoint-computer :")) {
      v = Verdict.CREATED;
    } else {
      v = Verdict.FAILED;
    }
    return new Parsed(v, text);
  }

  /** The summary for a final verdict; {@code remediation} is null unless the task tried to enable protection. */
  public static TaskOutcome summarise(Parsed p, Integer exitCode, String description, ObjectNode remediation) {
    ObjectNode s = Json.object();
    ObjectNode hr = s.putObject("human_readable");
    ObjectNode res = s.putObject("results");
    Status status;
    String message;
    switch (p.verdict()) {
      case CREATED:
        status = Status.SUCCESS;
        message = "Restore point created: " + description;
        break;
      case THROTTLED:
        status = Status.SKIPPED;
        message = "Not created: Windows allows one restore point per 24 hours (1440 minutes) and one already exists";
        s.put("reason", "restore point already created in the last 24 hours");
        break;
      case ACCESS_DENIED:
        status = Status.ERROR;
        message = "Not created: access denied (run the service elevated)";
        break;
      case PROTECTION_DISABLED:
        status = Status.ERROR;
        message = "Not created: System Protection (or the Volume Shadow Copy service) is disabled";
        break;
      default:
        status = Status.ERROR;
        message = "Not created: Checkpoint-Computer failed" + (exitCode == null ? "" : " (exit " + exitCode + ")");
        break;
    }
    hr.put("message", message);
    hr.put("verdict", message);
    s.put("verdict", p.verdict().name().toLowerCase(Locale.ROOT));
    res.put("restore_point_created", p.verdict() == Verdict.CREATED);
    res.put("description", description);
    String out = p.output();
    res.put("output", out.length() <= OUTPUT_CHARS ? out : out.substring(0, OUTPUT_CHARS));
    if (remediation == null) {
      res.putNull("remediation");
      res.putNull("remediation_attempt");
    } else {
      res.put("remediation", remediation.path("summary").asText());
      res.set("remediation_attempt", remediation);
    }
    if (exitCode == null) {
      res.putNull("return_code");
    } else {
      res.put("return_code", exitCode);
    }
    if (status == Status.ERROR) {
      s.put("error", message);
    }
    return TaskOutcome.of(status, s);
  }

  static String decode(byte[] b, Charset oem) {
    if (b == null || b.length == 0) {
      return "";
    }
    String t = Decoding.decode(b, Decoding.sniff(b, b.length, oem));
    return t.startsWith("#< CLIXML") ? flattenClixml(t) : t;
  }

  /** PowerShell 5.1 writes redirected error records as CLIXML; keep only their text, with its escaped line ends. */
  static String flattenClixml(String xml) {
    StringBuilder sb = new StringBuilder();
    Matcher m = CLIXML_STRING.matcher(xml);
    while (m.find()) {
      sb.append(m.group(1).replace("_x000D__x000A_", "\n").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&amp;", "&").replace("&quot;", "\"").replace("&apos;", "'"));
    }
    return sb.toString();
  }
}
