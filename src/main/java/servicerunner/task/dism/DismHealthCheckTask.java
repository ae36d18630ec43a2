package servicerunner.task.dism;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/** DISM component-store health: one {@code dism /Online /Cleanup-Image /<Action>} run per requested action. */
public final class DismHealthCheckTask implements TaskType {

  @Override
  public String id() {
    return "dism_health_check";
  }

  @Override
  public String description() {
    return "Checks (and with restorehealth repairs) the Windows component store with DISM /Cleanup-Image.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.stringList("actions", "Steps in order: checkhealth, scanhealth, restorehealth (any case).")
            .defaultsTo(Json.array().add("checkhealth")),
        ParamSpec.string("encoding", "Output encoding: oem (the console code page), utf-8 or a Java charset name.")
            .defaultsTo("oem"),
        ParamSpec.string("executable_path", "Path to dism.exe (default: dism from PATH)."));
  }

  /** Enough for all three steps at their own limits (3600 + 3600 + 7200 s, protocol 6.3). */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(4);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"dism_health_check\",\"actions\":[\"checkhealth\",\"scanhealth\",\"restorehealth\"]}";
  }

  @Override
  public List<String> checkParams(Params p, UnaryOperator<String> path) {
    List<String> errors = new ArrayList<>();
    List<String> actions = p.stringList("actions");
    if (actions.isEmpty()) {
      errors.add(path.apply("actions") + ": expected at least one of checkhealth, scanhealth, restorehealth");
    }
    for (int i = 0; i < actions.size(); i++) {
      if (DismAction.parse(actions.get(i)).isEmpty()) {
        errors.add(path.apply("actions") + "[" + i + "]: unknown action \"" + actions.get(i)
            + "\", expected checkhealth, scanhealth or restorehealth");
      }
    }
    try {
      OutputEncoding.parse(p.string("encoding"));
    } catch (IllegalArgumentException e) {
      errors.add(path.apply("encoding") + ": " + e.getMessage());
    }
    return errors;
  }

  static List<String> argv(String exe, DismAction a) {
    return List.of(exe, "/Online", "/Cleanup-Image", a.flag);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    List<String> problems = checkParams(p, n -> n);
    if (!problems.isEmpty()) {
      return TaskOutcome.failure(String.join("; ", problems));
    }
    String exe = p.optString("executable_path").orElse("dism");
    OutputEncoding enc = OutputEncoding.parse(p.string("encoding"));
    List<ObjectNode> steps = new ArrayList<>();
    for (String name : p.stringList("actions")) {
      DismAction a = DismAction.parse(name).orElseThrow();
      ctx.log("DISM step " + (steps.size() + 1) + ": " + a.id());
      ProcessResult r = ctx.run(ProcessSpec.of(argv(exe, a)).withEncoding(enc).withTimeout(a.timeout));
      var problem = ProcessSummaries.problem(r, "dism " + a.flag);
      if (problem.isPresent()) {
        TaskOutcome failed = problem.get();
        failed.summary().put("failed_action", a.id());
        failed.summary().set("steps", Json.array().addAll(steps));
        failed.summary().put("verdict", "not_completed");
        failed.summary().putObject("human_readable").put("verdict", failed.summary().path("error").asText())
            .putArray("notes");
        return failed.withExtra("command", ProcessSummaries.command(r));
      }
      ObjectNode step = DismStepParser.parse(a.id(), r.stdout().bytes(), r.stdout().charset(), r.exitCode());
      step.set("command", ProcessSummaries.command(r));
      step.put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
      if (r.stderr().totalBytes() > 0) {
        step.put("stderr", r.stderr().lastChars(500));
      }
      steps.add(step);
      if (DismVerdict.ELEVATION_REQUIRED.id.equals(step.path("verdict").asText())) {
        break; // every further step would fail the same way in ~30 ms
      }
    }
    TaskOutcome o = DismSummary.combine(steps);
    o.summary().put("steps_requested", p.stringList("actions").size());
    return o;
  }
}
