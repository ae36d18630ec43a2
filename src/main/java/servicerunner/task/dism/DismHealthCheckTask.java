package servicerunner.task.dism;

import servicerunner.progress.DismProgress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.DeclaredTask;

/** DISM component-store health: one {@code dism /Online /Cleanup-Image /<Action>} run per requested action. */
public final class DismHealthCheckTask extends DeclaredTask {

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("dism_health_check",
          "Checks (and with restorehealth repairs) the Windows component store with DISM /Cleanup-Image.")
      .params(
          ParamSpec.stringList("actions", "Steps in order: checkhealth, scanhealth, restorehealth (any case).")
              .defaultsTo(Json.array().add("checkhealth")).nonEmpty()
              .check(ParamCheck.eachText("checkhealth, scanhealth or restorehealth", a -> DismAction.parse(a)
                  .isPresent() ? null : "unknown action \"" + a + "\", expected checkhealth, scanhealth or restorehealth")),
          ParamSpec.string("encoding", "Output encoding: oem (the console code page), utf-8 or a Java charset name.")
              .defaultsTo("oem").encoding())
      .windowsTool("Path to dism.exe (default: dism from PATH).")
      // enough for all three steps at their own limits (3600 + 3600 + 7200 s, protocol 6.3)
      .timeout(Duration.ofHours(4))
      .example("{\"type\":\"dism_health_check\",\"actions\":[\"checkhealth\",\"scanhealth\",\"restorehealth\"]}")
      .verdicts(Arrays.stream(DismVerdict.values()).map(DismVerdict::id).toArray(String[]::new))
      .resources("servicing").systemDisk()
      .progress(DismProgress.SOURCE)
      .build();

  static List<String> argv(String exe, DismAction a) {
    return List.of(exe, "/Online", "/Cleanup-Image", a.flag);
  }

  /** Runs the steps in order; a step that does not finish ends the task with the steps done so far. */
  public DismHealthCheckTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    String exe = p.optString("executable_path").orElse("dism");
    OutputEncoding enc = OutputEncoding.parse(p.string("encoding"));
    List<ObjectNode> steps = new ArrayList<>();
    for (String name : p.stringList("actions")) {
      DismAction a = DismAction.parse(name).orElseThrow();
      ctx.log("DISM step " + (steps.size() + 1) + ": " + a.id());
      ProcessResult r = ctx.run(ProcessSpec.of(argv(exe, a)).withEncoding(enc).withTimeout(a.timeout));
      if (!r.exited()) {
        ObjectNode s = Json.object().put("failed_action", a.id()).put("verdict", "not_completed");
        s.set("steps", Json.array().addAll(steps));
        return ProcessSummaries.notCompleted(s, r, "dism " + a.flag);
      }
      ObjectNode step = DismStepParser.parse(a.id(), r.stdout().bytes(), r.stdout().charset(), r.exitCode());
      step.set("command", ProcessSummaries.command(r));
      step.put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
      if (r.stderr().totalBytes() > 0) {
        step.put("stderr", r.stderr().lastChars(500));
      }
      steps.add(step);
      if (DismVerdict.ELEVATION_REQUIRED.id().equals(step.path("verdict").asText())) {
        break; // every further step would fail the same way in ~30 ms
      }
    }
    TaskOutcome o = DismSummary.combine(steps);
    o.summary().put("steps_requested", p.stringList("actions").size());
    return o;
  }
}
