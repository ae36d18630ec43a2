package servicerunner.task.windowsupdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/** Reads Windows Update error events (Get-WinEvent) and groups them by error code. */
public final class WindowsUpdateLogsAnalysisTask extends ToolTask {
  static final String SCRIPT = "windows_update_logs.ps1";
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
  static final Duration ERR_EXE_TIMEOUT = Duration.ofSeconds(10);
  static final String AI_NOTE = "AI analysis is not supported in this runner yet; the error groups are reported without it.";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("windows_update_logs_analysis",
          "Groups recent Windows Update errors from the event logs by error code, with names and affected updates.")
      .params(
          ParamSpec.string("time_frame", "How far back to look.").oneOf("today", "week", "month", "all")
              .defaultsTo("week"),
          ParamSpec.integer("max_errors", "At most this many events per log.").defaultsTo(50).range(1.0, 1000.0),
          ParamSpec.string("err_exe_path", "Microsoft Error Lookup Tool (Err.exe) to name unknown codes."),
          ParamSpec.bool("include_ai_analysis", "Ask an AI model about each code (not supported yet; a note is added).")
              .defaultsTo(false),
          ParamSpec.string("api_key", "Accepted for plan compatibility; unused until AI analysis is supported."),
          ParamSpec.string("model", "Accepted for plan compatibility; unused until AI analysis is supported."),
          ParamSpec.string("base_url", "Accepted for plan compatibility; unused until AI analysis is supported."))
      .windowsTool("PowerShell to run the script with (default powershell.exe).")
      .timeout(Duration.ofMinutes(10)) // the query is capped at 120 s; the rest is Err.exe lookups (10 s each)
      .example("{\"type\":\"windows_update_logs_analysis\",\"time_frame\":\"week\",\"max_errors\":50}")
      .verdicts("no_errors", "errors_found")
      .build();

  public WindowsUpdateLogsAnalysisTask() {
    super(DECLARATION, "PowerShell");
  }

  static String script(Params p) {
    // Both values are validated (allowed word, integer 1..1000) before they are put into the script text.
    return PowerShellScript.template(WindowsUpdateLogsAnalysisTask.class, SCRIPT, Map.of(
        "TIME_FRAME", p.string("time_frame"),
        "MAX_ERRORS", Integer.toString(p.integer("max_errors"))));
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    try {
      return PowerShellScript.spec(ctx, "sr_windows_update_logs.ps1", script(p)).withTimeout(QUERY_TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log query script: " + e.getMessage(), e);
    }
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    Optional<JsonNode> json = WindowsUpdateLogsReport.extract(r.stdout().text());
    if (json.isEmpty()) {
      return failure("the event log query printed no result (exit code " + r.exitCode() + ")", r);
    }
    ObjectNode s = WindowsUpdateLogsReport.summarize(json.get());
    if (s.get("events_read").asInt() == 0 && s.get("query_errors").size() > 0) {
      return failure("event log query failed: " + s.get("query_errors").get(0).asText(), r);
    }
    List<String> notes = new ArrayList<>();
    p.optString("err_exe_path").ifPresent(err -> lookUpCodes(ctx, err, s, notes));
    if (p.flag("include_ai_analysis")) {
      notes.add(AI_NOTE);
    }
    Verdict v = WindowsUpdateLogsReport.addVerdict(s, notes);
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), 2000));
    return TaskOutcome.of(s.get("unique_error_codes").asInt() == 0 ? Status.SUCCESS : Status.WARNING, v, s);
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

  /** A query that ran but gave nothing to group; the common failure verdict, with both streams kept. */
  private static TaskOutcome failure(String error, ProcessResult r) {
    ObjectNode s = Json.object();
    s.put("error", error);
    s.put("exit_code", r.exitCode());
    s.put("stderr", Text.tail(r.stderr().text(), 2000));
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), 2000));
    s.put("stdout_excerpt", Text.tail(r.stdout().text(), 2000));
    return TaskOutcome.failure(s, "failed", error);
  }
}
