package servicerunner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import servicerunner.exec.ExecutableResolver;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.plan.Condition;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.plan.Retry;
import servicerunner.plan.TaskPolicy;
import servicerunner.run.RunEngine;
import servicerunner.task.Status;
import servicerunner.task.ToolTask;

/**
 * The answer of {@code --validate}: {@code {"valid", "errors", "warnings", "tasks"}}, each task with what would
 * happen to it on this machine, its argv where the type can say it without acting, its timeout and its policy.
 */
public final class ValidationReport {
  private ValidationReport() {}

  public static ObjectNode invalid(List<String> errors) {
    ObjectNode o = Json.object().put("valid", false);
    errors.forEach(o.putArray("errors")::add);
    o.putArray("warnings");
    o.putArray("tasks");
    return o;
  }

  public static ObjectNode of(PreparedPlan plan) {
    ObjectNode o = Json.object().put("valid", true);
    o.putArray("errors");
    plan.warnings().forEach(o.putArray("warnings")::add);
    ArrayNode tasks = o.putArray("tasks");
    for (PreparedTask t : plan.tasks()) {
      tasks.add(task(t));
    }
    return o;
  }

  private static ObjectNode task(PreparedTask t) {
    ObjectNode o = Json.object().put("index", t.spec().index());
    if (t.spec().id() == null) {
      o.putNull("id");
    } else {
      o.put("id", t.spec().id());
    }
    o.put("type", t.spec().type());
    String cannot = RunEngine.cannotRun(t);
    Optional<ProcessSpec> spec = cannot == null && t.type() instanceof ToolTask
        ? ((ToolTask) t.type()).plannedInvocation(t.params()) : Optional.empty();
    if (cannot == null && spec.isPresent() && !spec.get().argv().isEmpty()
        && ExecutableResolver.resolve(spec.get().argv().get(0), spec.get().cwd()).isEmpty()) {
      cannot = "executable not found: " + spec.get().argv().get(0);
    }
    o.put("would_run", cannot == null);
    if (cannot != null) {
      o.put("reason", cannot);
    }
    spec.ifPresent(s -> {
      s.argv().forEach(o.putArray("argv")::add);
      if (s.cwd() != null) {
        o.put("cwd", s.cwd().toString());
      }
    });
    seconds(o, "timeout_seconds", t.timeout());
    seconds(o, "idle_timeout_seconds", t.spec().idleTimeout());
    policy(o, t.spec().policy());
    // what a parallel run schedules by: the tasks it waits for (needs and run_if) and what it holds
    t.waitsFor().forEach(o.putArray("waits_for")::add);
    ObjectNode claims = o.putObject("resources");
    t.claims().amounts().forEach(claims::put);
    o.put("exclusive", t.claims().exclusive());
    return o;
  }

  private static void seconds(ObjectNode o, String key, Duration d) {
    if (d == null) {
      o.putNull(key);
    } else {
      o.put(key, d.toMillis() / 1000.0);
    }
  }

  private static void policy(ObjectNode o, TaskPolicy p) {
    if (p.runIf() != null) {
      o.set("run_if", condition(p.runIf()));
      p.referencedTasks().forEach(o.putArray("after")::add);
    }
    Retry r = p.retry();
    if (r != null) {
      ObjectNode ro = o.putObject("retry").put("attempts", r.attempts())
          .put("delay_seconds", r.delay().toMillis() / 1000.0).put("backoff", r.backoff());
      ArrayNode on = ro.putArray("on");
      for (Status s : Status.values()) {
        if (r.on().contains(s)) {
          on.add(s.id());
        }
      }
    }
    o.put("on_failure", p.stopOnFailure() ? "stop" : "continue");
    o.put("allow_failure", p.allowFailure());
  }

  /** The condition in the plan's own notation, as it was understood. */
  static ObjectNode condition(Condition c) {
    ObjectNode o = Json.object();
    if (c instanceof Condition.All) {
      ((Condition.All) c).parts().forEach(p -> o.withArray("all").add(condition(p)));
    } else if (c instanceof Condition.Any) {
      ((Condition.Any) c).parts().forEach(p -> o.withArray("any").add(condition(p)));
    } else if (c instanceof Condition.Not) {
      o.set("not", condition(((Condition.Not) c).part()));
    } else if (c instanceof Condition.TaskStatus) {
      Condition.TaskStatus s = (Condition.TaskStatus) c;
      o.put("task", s.task());
      ArrayNode a = o.putArray("status");
      for (Status st : Status.values()) {
        if (s.statuses().contains(st)) {
          a.add(st.id());
        }
      }
    } else if (c instanceof Condition.Verdict) {
      o.put("task", ((Condition.Verdict) c).task());
      ((Condition.Verdict) c).verdicts().forEach(o.putArray("verdict")::add);
    } else {
      Condition.Field f = (Condition.Field) c;
      o.put("task", f.task()).put("field", "summary." + f.fieldText()).put("op", f.op().id());
      if (f.value() != null) {
        o.set("value", f.value());
      }
    }
    return o;
  }
}
