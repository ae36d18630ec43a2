package servicerunner.task.windowsupdate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;
import servicerunner.task.wintools.HumanReadable;
import servicerunner.task.wintools.PowerShellScript;
import servicerunner.task.wintools.Text;

/**
 * Windows Update through the PSWindowsUpdate module: scan, install, scan again, reboot check. Unlike the reference
 * (plain Popen, no timeout, no skip; bug B16) it runs under the task timeout and a skip ends PowerShell's tree.
 */
public final class WindowsUpdateTask implements TaskType {
  static final String SCRIPT = "windows_update.ps1";

  @Override
  public String id() {
    return "windows_update";
  }

  @Override
  public String description() {
    return "Installs pending Windows (and Microsoft) updates with PSWindowsUpdate and reports what changed.";
  }

  @Override
  public java.util.List<ParamSpec> params() {
    return java.util.List.of(
        ParamSpec.bool("microsoft_update", "Include Microsoft Update (Office, drivers...).").defaultsTo(true),
        ParamSpec.bool("accept_all", "Accept every update (-AcceptAll).").defaultsTo(true),
        ParamSpec.bool("ignore_reboot", "Never restart automatically (-IgnoreReboot).").defaultsTo(true),
        ParamSpec.string("executable_path", "PowerShell to run the script with (default powershell.exe)."));
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(2);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"windows_update\",\"microsoft_update\":true,\"accept_all\":true,\"ignore_reboot\":true}";
  }

  static String script(Params p) {
    return ScriptResource.load(SCRIPT, Map.of(
        "MICROSOFT_UPDATE", ScriptResource.bool(p.flag("microsoft_update")),
        "ACCEPT_ALL", ScriptResource.bool(p.flag("accept_all")),
        "IGNORE_REBOOT", ScriptResource.bool(p.flag("ignore_reboot"))));
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    return HumanReadable.ensure(runTool(ctx));
  }

  private TaskOutcome runTool(TaskContext ctx) {
    Params p = ctx.params();
    ProcessSpec spec;
    try {
      spec = PowerShellScript.spec(ctx, "sr_windows_update.ps1", script(p));
    } catch (IOException e) {
      return TaskOutcome.failure("cannot write the update script: " + e.getMessage());
    }
    ProcessResult r = ctx.run(spec);
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "PowerShell");
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    String stdout = r.stdout().text();
    String stderr = r.stderr().text();
    Optional<ObjectNode> parsed = WindowsUpdateReport.parse(stdout);
    if (parsed.isEmpty()) {
      ObjectNode s = Json.object();
      s.put("error", "the update script printed no result (exit code " + r.exitCode() + ")");
      s.put("exit_code", r.exitCode());
      s.put("stderr_excerpt", Text.tail(stderr, 2000));
      s.put("stdout_excerpt_on_error", Text.tail(stdout, 2000));
      s.putObject("human_readable").put("verdict", "unknown").putArray("notes")
          .add("No result JSON between the markers; see stdout_excerpt_on_error.");
      return new TaskOutcome(Status.FAILURE, s, Json.object().set("command", ProcessSummaries.command(r)));
    }
    ObjectNode s = parsed.get();
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", Text.tail(stderr, 2000));
    Status status;
    if (!s.get("meta").get("module_available").asBoolean()) {
      status = Status.FAILURE;
      s.put("error", "PSWindowsUpdate is not available"
          + (s.get("errors").size() > 0 ? ": " + s.get("errors").get(0).asText() : ""));
    } else if (s.get("install").get("count_failed").asInt() > 0 || s.get("errors").size() > 0) {
      status = Status.COMPLETED_WITH_ERRORS;
    } else {
      status = Status.SUCCESS;
    }
    return new TaskOutcome(status, s, Json.object().set("command", ProcessSummaries.command(r)));
  }
}
