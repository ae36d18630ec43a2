package servicerunner.task.windowsupdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/** Reads Windows Update error events (Get-WinEvent) and groups them by error code. */
public final class WindowsUpdateLogsAnalysisTask implements TaskType {
  static final String SCRIPT = "windows_update_logs.ps1";
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
  static final Duration ERR_EXE_TIMEOUT = Duration.ofSeconds(10);
  static final String AI_NOTE = "AI analysis is not supported in this runner yet; the error groups are reported without it.";

  @Override
  public String id() {
    return "windows_update_logs_analysis";
  }

  @Override
  public String description() {
    return "Groups recent Windows Update errors from the event logs by error code, with names and affected updates.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("time_frame", "How far back to look.").oneOf("today", "week", "month", "all").defaultsTo("week"),
        ParamSpec.integer("max_errors", "At most this many events per log.").defaultsTo(50).range(1.0, 1000.0),
        ParamSpec.string("err_exe_path", "Microsoft Error Lookup Tool (Err.exe) to name unknown codes."),
        ParamSpec.bool("include_ai_analysis", "Ask an AI model about each code (not supported yet; a note is added).")
            .defaultsTo(false),
        ParamSpec.string("api_key", "Accepted for plan compatibility; unused until AI analysis is supported."),
        ParamSpec.string("model", "Accepted for plan compatibility; unused until AI analysis is supported."),
        ParamSpec.string("base_url", "Accepted for plan compatibility; unused until AI analysis is supported."),
        ParamSpec.string("executable_path", "PowerShell to run the script with (default powershell.exe)."));
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(10); // the query is capped at 120 s; the rest is Err.exe lookups (10 s each)
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"windows_update_logs_analysis\",\"time_frame\":\"week\",\"max_errors\":50}";
  }

  static String script(Params p) {
    // Both values are validated (allowed word, integer 1..1000) before they are put into the script text.
    return ScriptResource.load(SCRIPT, Map.of(
        "TIME_FRAME", p.string("time_frame"),
        "MAX_ERRORS", Integer.toString(p.integer("max_errors"))));
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    return HumanReadable.ensure(runTool(ctx));
  }

  private TaskOutcome runTool(TaskContext ctx) {
    Params p = ctx.params();
    ProcessSpec spec;
    try {
      spec = PowerShellScript.spec(ctx, "sr_windows_update_logs.ps1", script(p));
    } catch (IOException e) {
      return TaskOutcome.failure("cannot write the log query script: " + e.getMessage());
    }
    ProcessResult r = ctx.run(spec.withTimeout(QUERY_TIMEOUT));
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "PowerShell");
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    ObjectNode extras = Json.object().set("command", ProcessSummaries.command(r));
    String stderr = r.stderr().text();
    Optional<JsonNode> json = WindowsUpdateLogsReport.extract(r.stdout().text());
    if (json.isEmpty()) {
      return new TaskOutcome(Status.FAILURE, failure("the event log query printed no result (exit code "
          + r.exitCode() + ")", r), extras);
    }
    ObjectNode s = WindowsUpdateLogsReport.summarize(json.get());
    if (s.get("events_read").asInt() == 0 && s.get("query_errors").size() > 0) {
      return new TaskOutcome(Status.FAILURE, failure("event log query failed: " + s.get("query_errors").get(0).asText(), r),
          extras);
    }
    List<String> notes = new ArrayList<>();
    p.optString("err_exe_path").ifPresent(err -> lookUpCodes(ctx, err, s, notes));
    if (p.flag("include_ai_analysis")) {
      notes.add(AI_NOTE);
    }
    WindowsUpdateLogsReport.addVerdict(s, notes);
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", Text.tail(stderr, 2000));
    Status status = s.get("unique_error_codes").asInt() == 0 ? Status.SUCCESS : Status.WARNING;
    return new TaskOutcome(status, s, extras);
  }

  /** Names codes the built-in table does not know, one Err.exe call each (10 s limit, not forwarded). */
  private static void lookUpCodes(TaskContext ctx, String err, ObjectNode s, List<String> notes) {
    int failed = 0;
    for (JsonNode g : s.get("error_groups")) {
      if (!g.get("error_name").isNull()) {
        continue;
      }
      String code = g.get("error_code").asText();
      ProcessResult r = ctx.run(ProcessSpec.of(err, "/:xml", code).withTimeout(ERR_EXE_TIMEOUT).withForwardOutput(false));
      Optional<String[]> hit = r.exited() ? WindowsUpdateLogsReport.parseErrExe(r.stdout().text()) : Optional.empty();
      if (hit.isPresent()) {
        ((ObjectNode) g).put("error_name", hit.get()[0]);
        ((ObjectNode) g).put("error_description", hit.get()[1]);
      } else {
        failed++;
      }
    }
    if (failed > 0) {
      notes.add("Err.exe could not name " + failed + " codes.");
    }
  }

  private static ObjectNode failure(String error, ProcessResult r) {
    ObjectNode s = Json.object();
    s.put("error", error);
    s.put("exit_code", r.exitCode());
    s.put("stderr", Text.tail(r.stderr().text(), 2000));
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), 2000));
    s.put("stdout_excerpt", Text.tail(r.stdout().text(), 2000));
    return s;
  }
}
