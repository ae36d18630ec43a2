package servicerunner.task.systemrestore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.DeclaredTask;

/**
 * Creates a System Restore point with PowerShell's Checkpoint-Computer. Runs where the plan puts it: unlike the
 * reference, it is never moved to index 0, because the app maps results[i] to plan row i.
 */
public final class SystemRestoreTask extends DeclaredTask {
  static final int MAX_DESCRIPTION = 200;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("system_restore",
          "Creates a System Restore point (PowerShell Checkpoint-Computer) before maintenance.")
      .params(
          ParamSpec.string("description", "Name of the restore point (default: AutoService restore point <date time>)."),
          ParamSpec.string("restore_point_type", "Checkpoint-Computer -RestorePointType.")
              .oneOf("APPLICATION_INSTALL", "APPLICATION_UNINSTALL", "MODIFY_SETTINGS", "CANCELLED_OPERATION",
                  "DEVICE_DRIVER_INSTALL")
              .defaultsTo("MODIFY_SETTINGS"),
          ParamSpec.bool("enable_protection_if_disabled", "When System Protection is off, enable it on the system "
              + "drive (VSS and swprv services to Manual, Enable-ComputerRestore) and try once more.").defaultsTo(true))
      .windowsTool("Path to powershell.exe (default: powershell.exe from PATH).")
      .timeout(Duration.ofMinutes(5))
      .example("{\"type\":\"system_restore\",\"description\":\"Before maintenance\"}")
      .verdicts(Arrays.stream(RestorePointOutputParser.Result.values()).map(RestorePointOutputParser.Result::id)
          .toArray(String[]::new))
      .exclusive().resources("servicing")
      .build();

  /**
   * A PowerShell single-quoted string literal. PowerShell also ends single-quoted strings at the typographic quotes
   * U+2018, U+2019, U+201A and U+201B, so all four are doubled like '. Double quotes and control characters are
   * dropped: Windows' command-line parsing of the -Command argument would otherwise split or end it.
   */
  static String psQuote(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
        sb.append(c).append(c);
      } else if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || Character.isISOControl(c)) {
        continue;
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  static String description(Params p) {
    String d = p.optString("description").map(String::strip).filter(s -> !s.isEmpty()).orElseGet(() ->
        // ASCII only: the reference's em dash became invalid UTF-8 on the app's stderr (bug B7)
        "AutoService restore point " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    return d.length() <= MAX_DESCRIPTION ? d : d.substring(0, MAX_DESCRIPTION);
  }

  static List<String> argv(String exe, String command) {
    return List.of(exe, "-NoProfile", "-ExecutionPolicy", "Bypass", "-Command", command);
  }

  static String checkpointCommand(String description, String type) {
    return "Checkpoint-Computer -Description " + psQuote(description) + " -RestorePointType " + psQuote(type);
  }

  static final String ENABLE_COMMAND = "Set-Service -Name VSS -StartupType Manual; Start-Service -Name VSS; "
      + "Set-Service -Name swprv -StartupType Manual; Start-Service -Name swprv; "
      + "Enable-ComputerRestore -Drive ($env:SystemDrive + '\\')";

  public SystemRestoreTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    String exe = p.optString("executable_path").orElse("powershell.exe");
    String description = description(p);
    String checkpoint = checkpointCommand(description, p.string("restore_point_type"));
    ProcessResult r = ctx.run(spec(exe, checkpoint));
    if (!r.exited()) {
      return notCreated(r, description);
    }
    RestorePointOutputParser.Parsed parsed = classify(r);
    ObjectNode remediation = null;
    if (parsed.result() == RestorePointOutputParser.Result.PROTECTION_DISABLED
        && p.bool("enable_protection_if_disabled")) {
      ctx.log("System Protection looks disabled: enabling it on the system drive and trying once more");
      ProcessResult fix = ctx.run(spec(exe, ENABLE_COMMAND));
      remediation = Json.object();
      remediation.put("summary", "Set VSS and swprv to Manual, started them, ran Enable-ComputerRestore on the "
          + "system drive, then retried Checkpoint-Computer");
      remediation.put("command", ENABLE_COMMAND);
      remediation.put("termination", fix.termination().id());
      remediation.put("return_code", fix.exitCode());
      remediation.put("output", (fix.stdout().lastChars(300) + fix.stderr().lastChars(300)).strip());
      if (fix.exited()) {
        r = ctx.run(spec(exe, checkpoint));
        remediation.put("retry_return_code", r.exitCode());
        parsed = r.exited() ? classify(r) : parsed;
      }
      remediation.put("succeeded", parsed.result() == RestorePointOutputParser.Result.CREATED);
    }
    TaskOutcome o = RestorePointOutputParser.summarise(parsed, r.exitCode(), description, remediation);
    return o.withExtra("command", ProcessSummaries.command(r));
  }

  /** The renderer's fields for a PowerShell that did not finish: nothing was created, nothing was printed. */
  private static TaskOutcome notCreated(ProcessResult r, String description) {
    ObjectNode s = Json.object();
    ObjectNode hr = s.putObject("human_readable");
    s.putObject("results").put("restore_point_created", false).put("description", description).put("output", "")
        .putNull("remediation").putNull("remediation_attempt").putNull("return_code");
    TaskOutcome o = ProcessSummaries.notCompleted(s, r, "powershell Checkpoint-Computer");
    hr.put("message", "Not created: " + o.reason());
    return o;
  }

  private static ProcessSpec spec(String exe, String command) {
    return ProcessSpec.of(argv(exe, command)).withEncoding(OutputEncoding.parse("oem"));
  }

  private static RestorePointOutputParser.Parsed classify(ProcessResult r) {
    return RestorePointOutputParser.classify(r.stdout().bytes(), r.stderr().bytes(), r.stdout().charset(), r.exitCode());
  }
}
