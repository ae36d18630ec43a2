package servicerunner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import servicerunner.param.ParamValidator;

/**
 * Reads the scheduling keys: per task {@code needs}, {@code resources}, {@code exclusive}; at the top
 * {@code max_parallel} and {@code resources}. Each problem is reported with its JSON path; what needs the whole plan
 * (ids, cycles, claims against capacities) is checked in {@link ScheduleCheck}.
 */
public final class SchedulingParser {
  /** The per-task keys read here; they are not handler parameters. */
  static final Set<String> TASK_KEYS = Set.of("needs", "resources", "exclusive");

  /** The top-level keys read here. */
  static final Set<String> PLAN_KEYS = Set.of("max_parallel", "resources");

  /** Largest {@code max_parallel} and pool capacity or claim: more is a typo, not a machine. */
  static final int MAX_PARALLEL = 256;
  static final double MAX_AMOUNT = 1_000_000;

  private SchedulingParser() {}

  public static Scheduling task(JsonNode node, String path, List<String> problems) {
    List<String> needs = new ArrayList<>();
    JsonNode n = node.get("needs");
    if (n != null && !n.isNull()) {
      if (!n.isArray()) {
        problems.add(path + ".needs: expected an array of task ids, got " + ParamValidator.describe(n));
      } else {
        for (int k = 0; k < n.size(); k++) {
          JsonNode id = n.get(k);
          if (id.isTextual() && !id.asText().isEmpty()) {
            needs.add(id.asText());
          } else {
            problems.add(path + ".needs[" + k + "]: expected a task id (a string), got " + ParamValidator.describe(id));
          }
        }
      }
    }
    Map<String, Double> resources = null;
    JsonNode r = node.get("resources");
    if (r != null && !r.isNull()) {
      resources = amounts(r, path + ".resources", problems, true);
    }
    Boolean exclusive = null;
    JsonNode e = node.get("exclusive");
    if (e != null && !e.isNull()) {
      if (e.isBoolean()) {
        exclusive = e.asBoolean();
      } else {
        problems.add(path + ".exclusive: expected true or false, got " + ParamValidator.describe(e));
      }
    }
    return needs.isEmpty() && resources == null && exclusive == null ? Scheduling.NONE
        : new Scheduling(needs, resources, exclusive);
  }

  public static PlanScheduling plan(JsonNode root, List<String> problems) {
    Integer max = null;
    JsonNode m = root.get("max_parallel");
    if (m != null && !m.isNull()) {
      if (m.canConvertToInt() && m.isIntegralNumber() && m.asInt() >= 1 && m.asInt() <= MAX_PARALLEL) {
        max = m.asInt();
      } else {
        problems.add("max_parallel: expected a whole number from 1 to " + MAX_PARALLEL + ", got "
            + ParamValidator.describe(m));
      }
    }
    Map<String, Double> capacities = Map.of();
    JsonNode r = root.get("resources");
    if (r != null && !r.isNull()) {
      if (r.isObject()) {
        capacities = amounts(r, "resources", problems, false);
      } else {
        problems.add("resources: expected an object of pool name to capacity, e.g. {\"disk:C:\": 1, \"net\": 2}, got "
            + ParamValidator.describe(r));
      }
    }
    return max == null && capacities.isEmpty() ? PlanScheduling.NONE : new PlanScheduling(max, capacities);
  }

  /** {@code ["a","b"]} (a claim of 1 each, tasks only) or {@code {"a": 0.5}}; amounts greater than 0. */
  private static Map<String, Double> amounts(JsonNode v, String path, List<String> problems, boolean listAllowed) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (listAllowed && v.isArray()) {
      for (int k = 0; k < v.size(); k++) {
        JsonNode name = v.get(k);
        if (name.isTextual() && validName(name.asText())) {
          out.put(name.asText(), 1.0);
        } else {
          problems.add(path + "[" + k + "]: expected a pool name (1 to 100 characters), got "
              + ParamValidator.describe(name));
        }
      }
      return out;
    }
    if (!v.isObject()) {
      problems.add(path + ": expected a list of pool names or an object of pool name to amount, got "
          + ParamValidator.describe(v));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = path + "." + e.getKey();
      if (!validName(e.getKey())) {
        problems.add(at + ": a pool name has 1 to 100 characters");
      } else if (!e.getValue().isNumber() || !(e.getValue().asDouble() > 0) || e.getValue().asDouble() > MAX_AMOUNT) {
        problems.add(at + ": expected a number greater than 0 and at most " + (long) MAX_AMOUNT + ", got "
            + ParamValidator.describe(e.getValue()));
      } else {
        out.put(e.getKey(), e.getValue().asDouble());
      }
    }
    return out;
  }

  private static boolean validName(String s) {
    return !s.isBlank() && s.length() <= 100;
  }
}
