package servicerunner.task.systemrestore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.text.PhraseTable;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/**
 * Reads what {@code Checkpoint-Computer} printed (PowerShell, console code page; redirected error streams may come
 * as CLIXML) and its exit code. Windows allows one restore point per 24 h (1440 minutes) and PowerShell only warns
 * about it with exit 0, so the text decides. Pure function.
 */
public final class RestorePointOutputParser {
  private RestorePointOutputParser() {}

  static final int OUTPUT_CHARS = 500;

  /** What Checkpoint-Computer did; {@code PROTECTION_DISABLED} triggers the one remediation attempt. */
  public enum Result {
    CREATED, THROTTLED, ACCESS_DENIED, PROTECTION_DISABLED, FAILED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Parsed(Result result, String output) {}

  /** What PowerShell 5.1 prints (English); the throttling notice is only a warning, with exit 0. */
  private static final PhraseTable<Result> SAID = PhraseTable.<Result>builder()
      .add(Result.THROTTLED, "en", "cannot be created because one has already been created within the past",
          "created within the past 24 hours", "a new system restore point cannot be created")
      .add(Result.ACCESS_DENIED, "en", "access is denied", "unauthorizedaccessexception", "requires elevation")
      .add(Result.PROTECTION_DISABLED, "en", "0x80070422", "system restore is disabled", "because it is disabled",
          "system protection is turned off")
      .build();

  private static final Pattern CLIXML_STRING = Pattern.compile("<S S=\"(?:Error|Warning)\">(.*?)</S>", Pattern.DOTALL);

  public static Parsed classify(byte[] stdout, byte[] stderr, Charset oem, Integer exitCode) {
    String text = (decode(stdout, oem) + "\n" + decode(stderr, oem)).replace("\r\n", "\n").strip();
    String norm = PhraseTable.normalise(text);
    boolean created = exitCode != null && exitCode == 0 && !norm.contains("checkpoint-computer :");
    Result v = SAID.first(norm).orElse(created ? Result.CREATED : Result.FAILED);
    return new Parsed(v, text);
  }

  /** The summary for a final verdict; {@code remediation} is null unless the task tried to enable protection. */
  public static TaskOutcome summarise(Parsed p, Integer exitCode, String description, ObjectNode remediation) {
    ObjectNode s = Json.object();
    ObjectNode hr = s.putObject("human_readable");
    ObjectNode res = s.putObject("results");
    Status status = switch (p.result()) {
      case CREATED -> Status.SUCCESS;
      case THROTTLED -> Status.SKIPPED;
      default -> Status.ERROR;
    };
    String message = switch (p.result()) {
      case CREATED -> "Restore point created: " + description;
      case THROTTLED -> "Not created: Windows allows one restore point per 24 hours (1440 minutes) and one already"
          + " exists";
      case ACCESS_DENIED -> "Not created: access denied (run the service elevated)";
      case PROTECTION_DISABLED -> "Not created: System Protection (or the Volume Shadow Copy service) is disabled";
      default -> "Not created: Checkpoint-Computer failed" + (exitCode == null ? "" : " (exit " + exitCode + ")");
    };
    String reason = p.result() == Result.THROTTLED ? "restore point already created in the last 24 hours" : null;
    if (reason != null) {
      s.put("reason", reason);
    }
    hr.put("message", message);
    hr.put("verdict", message);
    s.put("verdict", p.result().id());
    res.put("restore_point_created", p.result() == Result.CREATED);
    res.put("description", description);
    String out = p.output();
    res.put("output", out.length() <= OUTPUT_CHARS ? out : out.substring(0, OUTPUT_CHARS));
    res.put("remediation", remediation == null ? null : remediation.path("summary").asText());
    res.set("remediation_attempt", remediation);
    res.put("return_code", exitCode);
    if (status == Status.ERROR) {
      s.put("error", message);
    }
    Verdict v = Verdict.of(p.result().id(), message);
    return new TaskOutcome(status, reason == null ? message : reason, v, s, null);
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
    return CLIXML_STRING.matcher(xml).results().map(m -> m.group(1).replace("_x000D__x000A_", "\n")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"")
        .replace("&apos;", "'")).collect(Collectors.joining());
  }
}
