package servicerunner.cli;

import servicerunner.param.ParamSpec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;
import servicerunner.task.TaskCatalog;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskType;

/** The JSON description of a task type for --list-tasks, derived from its declaration. */
public final class TaskListing {
  private TaskListing() {}

  /** Every registered type, in catalogue order: what {@code --list-tasks} prints. */
  public static ArrayNode all() {
    ArrayNode all = Json.array();
    for (String id : TaskCatalog.ids()) {
      all.add(describe(TaskCatalog.find(id)));
    }
    return all;
  }

  public static ObjectNode describe(TaskType type) {
    TaskDeclaration t = type.declaration();
    ObjectNode o = Json.object();
    o.put("type", t.id());
    o.put("description", t.description());
    if (t.fixedTimeout() == null) {
      o.putNull("default_timeout_seconds");
    } else {
      o.put("default_timeout_seconds", t.fixedTimeout().toSeconds());
    }
    if (t.timeoutText() != null) {
      o.put("default_timeout_rule", t.timeoutText());
    }
    o.put("max_timeout_seconds", TaskDeclaration.MAX_TIMEOUT.toSeconds());
    o.put("max_idle_timeout_seconds", TaskDeclaration.MAX_TIMEOUT.toSeconds());
    ArrayNode platforms = o.putArray("platforms");
    t.platforms().stream().map(p -> p.id()).sorted().forEach(platforms::add);
    if (!t.verdicts().isEmpty()) {
      ArrayNode verdicts = o.putArray("verdicts");
      t.verdicts().forEach(verdicts::add);
    }
    ObjectNode resources = o.putObject("resources");
    t.claims().listed().forEach((pool, amount) -> {
      if (amount == Math.rint(amount)) {
        resources.put(pool, amount.longValue());
      } else {
        resources.put(pool, amount);
      }
    });
    o.put("exclusive", t.claims().exclusive());
    if (t.progress() != null) {
      if (t.progress().phases().isEmpty()) {
        o.put("progress", true);
      } else {
        ArrayNode phases = o.putArray("progress");
        t.progress().phases().forEach(phases::add);
      }
    }
    ArrayNode params = o.putArray("params");
    for (ParamSpec p : t.params()) {
      ObjectNode po = params.addObject();
      po.put("name", p.name());
      po.put("type", p.kind().id());
      po.put("required", p.mandatory());
      if (p.defaultValue() != null) {
        po.set("default", p.defaultValue());
      }
      if (!p.allowed().isEmpty()) {
        ArrayNode a = po.putArray("allowed");
        p.allowed().forEach(a::add);
      }
      if (p.min() != null) {
        po.put("min", p.min());
      }
      if (p.max() != null) {
        po.put("max", p.max());
      }
      p.unit().ifPresent(u -> po.put("unit", u.symbol()));
      if (!p.checks().isEmpty()) {
        ArrayNode checks = po.putArray("checks");
        p.checks().forEach(c -> checks.add(c.listing()));
      }
      po.put("description", p.description());
    }
    if (!t.rules().isEmpty()) {
      ArrayNode rules = o.putArray("rules");
      t.rules().forEach(r -> rules.add(r.describe()));
    }
    try {
      o.set("example", Json.parse(t.example()));
    } catch (java.io.IOException e) {
      o.put("example", t.example());
    }
    return o;
  }
}
