package servicerunner.task.windowsupdate;

import servicerunner.progress.WindowsUpdateProgress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.task.Verdict;
import servicerunner.task.wintools.PowerShellScript;
import servicerunner.text.Text;

/**
 * Windows Update through the PSWindowsUpdate module: scan, install, scan again, reboot check. Unlike the reference
 * (plain Popen, no timeout, no skip; bug B16) it runs under the task timeout and a skip ends PowerShell's tree.
 */
public final class WindowsUpdateTask extends ToolTask {
  static final String SCRIPT = "windows_update.ps1";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("windows_update",
          "Installs pending Windows (and Microsoft) updates with PSWindowsUpdate and reports what changed.")
      .params(
          ParamSpec.bool("microsoft_update", "Include Microsoft Update (Office, drivers...).").defaultsTo(true),
          ParamSpec.bool("accept_all", "Accept every update (-AcceptAll).").defaultsTo(true),
          ParamSpec.bool("ignore_reboot", "Never restart automatically (-IgnoreReboot).").defaultsTo(true))
      .windowsTool("PowerShell to run the script with (default powershell.exe).")
      .timeout(Duration.ofHours(2))
      .example("{\"type\":\"windows_update\",\"microsoft_update\":true,\"accept_all\":true,\"ignore_reboot\":true}")
      // human_readable.verdict as the app shows it; "unknown" when the script printed no result
      .verdicts("up-to-date", "updated", "updates-remaining", "completed-with-errors", "module-unavailable", "unknown")
      .resources("servicing", "net")
      .progress(WindowsUpdateProgress.SOURCE)
      .build();

  public WindowsUpdateTask() {
    super(DECLARATION, "PowerShell");
  }

  static String script(Params p) {
    return PowerShellScript.template(WindowsUpdateTask.class, SCRIPT, Map.of(
        "MICROSOFT_UPDATE", PowerShellScript.bool(p.flag("microsoft_update")),
        "ACCEPT_ALL", PowerShellScript.bool(p.flag("accept_all")),
        "IGNORE_REBOOT", PowerShellScript.bool(p.flag("ignore_reboot"))));
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    try {
      return PowerShellScript.spec(ctx, "sr_windows_update.ps1", script(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the update script: " + e.getMessage(), e);
    }
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    String stdout = r.stdout().text();
    String stderr = r.stderr().text();
    Optional<ObjectNode> parsed = WindowsUpdateReport.parse(stdout);
    if (parsed.isEmpty()) {
      String error = "the update script printed no result (exit code " + r.exitCode() + ")";
      String note = "No result JSON between the markers; see stdout_excerpt_on_error.";
      ObjectNode s = Json.object();
      s.put("error", error);
      s.put("exit_code", r.exitCode());
      s.put("stderr_excerpt", Text.tail(stderr, 2000));
      s.put("stdout_excerpt_on_error", Text.tail(stdout, 2000));
      s.putObject("human_readable").put("verdict", "unknown").putArray("notes").add(note);
      return TaskOutcome.of(Status.FAILURE, Verdict.of("unknown", error, note), s);
    }
    ObjectNode s = parsed.get();
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", Text.tail(stderr, 2000));
    JsonNode hr = s.get("human_readable");
    String sentence = hr.get("summary_line").asText();
    Status status;
    if (!s.get("meta").get("module_available").asBoolean()) {
      status = Status.FAILURE;
      sentence = "PSWindowsUpdate is not available"
          + (s.get("errors").size() > 0 ? ": " + s.get("errors").get(0).asText() : "");
      s.put("error", sentence);
    } else if (s.get("install").get("count_failed").asInt() > 0 || s.get("errors").size() > 0) {
      status = Status.COMPLETED_WITH_ERRORS;
    } else {
      status = Status.SUCCESS;
    }
    return TaskOutcome.of(status, Verdict.written(s, sentence), s);
  }
}
