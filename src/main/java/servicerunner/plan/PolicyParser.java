package servicerunner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import servicerunner.param.ParamValidator;
import servicerunner.task.Status;
import servicerunner.task.TaskCatalog;
import servicerunner.task.TaskType;

/**
 * Reads a task's {@code run_if}, {@code retry}, {@code on_failure} and {@code allow_failure} into a
 * {@link TaskPolicy}, every problem with its JSON path. What a condition names across tasks (an earlier task's id,
 * a verdict its type declares) is checked once all tasks are read, by {@link #checkReferences}.
 */
public final class PolicyParser {
  /** The task keys read here (not handler parameters). */
  public static final Set<String> KEYS = Set.of("run_if", "retry", "on_failure", "allow_failure");

  /** Deeper nesting is a plan error: a condition is a few tests, not a program (and the check must not overflow). */
  static final int MAX_DEPTH = 16;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private PolicyParser() {}

  public static TaskPolicy parse(JsonNode task, String path, List<String> problems) {
    Condition runIf = task.has("run_if") ? condition(task.get("run_if"), path + ".run_if", 0, problems) : null;
    Retry retry = task.has("retry") ? retry(task.get("retry"), path + ".retry", problems) : null;
    boolean stop = false;
    JsonNode of = task.get("on_failure");
    if (of != null) {
      if (of.isTextual() && (of.asText().equals("stop") || of.asText().equals("continue"))) {
        stop = of.asText().equals("stop");
      } else {
        problems.add(path + ".on_failure: expected \"stop\" or \"continue\", got " + ParamValidator.describe(of));
      }
    }
    boolean allow = false;
    JsonNode af = task.get("allow_failure");
    if (af != null) {
      if (af.isBoolean()) {
        allow = af.asBoolean();
      } else {
        problems.add(path + ".allow_failure: expected true or false, got " + ParamValidator.describe(af));
      }
    }
    return runIf == null && retry == null && !stop && !allow ? TaskPolicy.NONE
        : new TaskPolicy(runIf, retry, stop, allow);
  }

  static Condition condition(JsonNode n, String path, int depth, List<String> problems) {
    if (!n.isObject()) {
      problems.add(path + ": expected a condition object ({\"task\": ...}, {\"all\": [...]}, {\"any\": [...]} or"
          + " {\"not\": {...}}), got " + ParamValidator.describe(n));
      return null;
    }
    if (depth >= MAX_DEPTH) {
      problems.add(path + ": conditions nested more than " + MAX_DEPTH + " deep");
      return null;
    }
    for (String group : List.of("all", "any", "not")) {
      if (n.has(group)) {
        if (!onlyKeys(n, path, Set.of(group), problems)) {
          return null;
        }
        JsonNode v = n.get(group);
        String p = path + "." + group;
        if (group.equals("not")) {
          Condition inner = condition(v, p, depth + 1, problems);
          return inner == null ? null : new Condition.Not(path, inner);
        }
        if (!v.isArray() || v.isEmpty()) {
          problems.add(p + ": expected a non-empty array of conditions, got " + ParamValidator.describe(v));
          return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
          parts.add(condition(v.get(i), p + "[" + i + "]", depth + 1, problems));
        }
        if (parts.contains(null)) {
          return null;
        }
        return group.equals("all") ? new Condition.All(path, List.copyOf(parts))
            : new Condition.Any(path, List.copyOf(parts));
      }
    }
    JsonNode task = n.get("task");
    if (task == null || !task.isTextual() || task.asText().isEmpty()) {
      problems.add((task == null ? path : path + ".task") + ": expected \"task\" (the id of an earlier task) with"
          + " \"status\", \"verdict\" or \"field\", or \"all\", \"any\" or \"not\"; got "
          + (task == null ? "the keys " + keys(n) : ParamValidator.describe(task)));
      return null;
    }
    String id = task.asText();
    if (n.has("status")) {
      return onlyKeys(n, path, Set.of("task", "status"), problems) ? status(n.get("status"), path, id, problems) : null;
    }
    if (n.has("verdict")) {
      return onlyKeys(n, path, Set.of("task", "verdict"), problems)
          ? verdict(n.get("verdict"), path, id, problems) : null;
    }
    if (n.has("field")) {
      return onlyKeys(n, path, Set.of("task", "field", "op", "value"), problems) ? field(n, path, id, problems) : null;
    }
    problems.add(path + ": expected \"status\", \"verdict\" or \"field\" beside \"task\", got the keys " + keys(n));
    return null;
  }

  private static Condition status(JsonNode v, String path, String id, List<String> problems) {
    List<String> words = strings(v, path + ".status", problems);
    if (words == null) {
      return null;
    }
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    for (int i = 0; i < words.size(); i++) {
      Status s = statusOf(words.get(i));
      if (s == null) {
        problems.add(path + ".status[" + i + "]: unknown status \"" + words.get(i) + "\" (expected one of "
            + statusIds(EnumSet.allOf(Status.class)) + ")");
        return null;
      }
      statuses.add(s);
    }
    return new Condition.TaskStatus(path, id, statuses);
  }

  private static Condition verdict(JsonNode v, String path, String id, List<String> problems) {
    List<String> words = strings(v, path + ".verdict", problems);
    return words == null ? null : new Condition.Verdict(path, id, List.copyOf(words));
  }

  private static Condition field(JsonNode n, String path, String id, List<String> problems) {
    JsonNode f = n.get("field");
    List<String> segments = f.isTextual() ? List.of(f.asText().split("\\.", -1)) : List.of();
    if (segments.size() < 2 || !segments.get(0).equals("summary")
        || !segments.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
      problems.add(path + ".field: expected a path into the task's summary such as \"summary.integrity_violations\","
          + " got " + ParamValidator.describe(f));
      return null;
    }
    JsonNode opNode = n.get("op");
    Condition.Op op = opNode != null && opNode.isTextual() ? opOf(opNode.asText()) : null;
    if (op == null) {
      problems.add(path + ".op: " + (opNode == null ? "missing; expected " : "unknown operator "
          + ParamValidator.describe(opNode) + "; expected ") + "one of eq, ne, gt, ge, lt, le, in, exists");
      return null;
    }
    JsonNode value = n.get("value");
    String vp = path + ".value";
    if (op == Condition.Op.EXISTS) {
      if (value != null && !value.isBoolean()) {
        problems.add(vp + ": expected true or false for exists (or no value), got " + ParamValidator.describe(value));
        return null;
      }
    } else if (value == null) {
      problems.add(vp + ": missing; \"" + op.id() + "\" compares with a value");
      return null;
    } else if (op.ordering() && !value.isNumber()) {
      problems.add(vp + ": expected a number for \"" + op.id() + "\", got " + ParamValidator.describe(value));
      return null;
    } else if (op == Condition.Op.IN && (!value.isArray() || value.isEmpty() || !allScalar(value))) {
      problems.add(vp + ": expected a non-empty array of strings, numbers, booleans or null for \"in\", got "
          + ParamValidator.describe(value));
      return null;
    } else if (!op.ordering() && op != Condition.Op.IN && !scalar(value)) {
      problems.add(vp + ": expected a string, number, boolean or null for \"" + op.id() + "\", got "
          + ParamValidator.describe(value));
      return null;
    }
    return new Condition.Field(path, id, segments.subList(1, segments.size()), op, value);
  }

  static Retry retry(JsonNode v, String path, List<String> problems) {
    if (v.isIntegralNumber()) {
      int n = attempts(v, path, problems);
      return n < 1 ? null : new Retry(n, Duration.ZERO, 1, Retry.DEFAULT_ON);
    }
    if (!v.isObject()) {
      problems.add(path + ": expected a number of attempts or {\"attempts\": N, \"delay_seconds\": s, \"backoff\": f,"
          + " \"on\": [...]}, got " + ParamValidator.describe(v));
      return null;
    }
    if (!onlyKeys(v, path, Set.of("attempts", "delay_seconds", "backoff", "on"), problems)) {
      return null;
    }
    int before = problems.size();
    int n = v.has("attempts") ? attempts(v.get("attempts"), path + ".attempts", problems) : 0;
    if (!v.has("attempts")) {
      problems.add(path + ".attempts: missing; expected the number of attempts in all (1 to " + Retry.MAX_ATTEMPTS
          + ")");
    }
    double delay = number(v, "delay_seconds", 0, 0, Retry.MAX_DELAY.toSeconds(), path, problems);
    double backoff = number(v, "backoff", 1, 1, Retry.MAX_BACKOFF, path, problems);
    Set<Status> on = Retry.DEFAULT_ON;
    if (v.has("on")) {
      List<String> words = strings(v.get("on"), path + ".on", problems);
      Set<Status> retriable = EnumSet.of(Status.FAILURE, Status.ERROR, Status.WARNING);
      on = EnumSet.noneOf(Status.class);
      for (int i = 0; words != null && i < words.size(); i++) {
        Status s = statusOf(words.get(i));
        if (s == null || !retriable.contains(s)) {
          problems.add(path + ".on[" + i + "]: expected one of " + statusIds(retriable) + ", got \"" + words.get(i)
              + "\"");
        } else {
          on.add(s);
        }
      }
    }
    return problems.size() > before ? null : new Retry(n, Duration.ofMillis(Math.round(delay * 1000)), backoff, on);
  }

  private static int attempts(JsonNode v, String path, List<String> problems) {
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > Retry.MAX_ATTEMPTS) {
      problems.add(path + ": expected a whole number of attempts from 1 to " + Retry.MAX_ATTEMPTS + ", got "
          + ParamValidator.describe(v));
      return 0;
    }
    return v.asInt();
  }

  private static double number(JsonNode o, String key, double dflt, double min, double max, String path,
      List<String> problems) {
    JsonNode v = o.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber() || !(v.asDouble() >= min) || !(v.asDouble() <= max)) {
      problems.add(path + "." + key + ": expected a number from " + fmt(min) + " to " + fmt(max) + ", got "
          + ParamValidator.describe(v));
      return dflt;
    }
    return v.asDouble();
  }

  /**
   * The checks across tasks: every task a condition names exists and comes earlier in plan order, and every verdict
   * it tests is one that task's type declares (listed by {@code --list-tasks}).
   */
  public static void checkReferences(List<TaskSpec> tasks, List<String> problems) {
    Map<String, TaskSpec> byId = new HashMap<>();
    tasks.stream().filter(t -> t.id() != null).forEach(t -> byId.putIfAbsent(t.id(), t));
    Map<String, TaskType> types = new HashMap<>();
    for (TaskSpec t : tasks) {
      if (t.policy().runIf() != null) {
        checkReferences(t.policy().runIf(), t, byId, types, problems);
      }
    }
  }

  private static void checkReferences(Condition c, TaskSpec owner, Map<String, TaskSpec> byId,
      Map<String, TaskType> types, List<String> problems) {
    if (c instanceof Condition.All) {
      ((Condition.All) c).parts().forEach(p -> checkReferences(p, owner, byId, types, problems));
      return;
    }
    if (c instanceof Condition.Any) {
      ((Condition.Any) c).parts().forEach(p -> checkReferences(p, owner, byId, types, problems));
      return;
    }
    if (c instanceof Condition.Not) {
      checkReferences(((Condition.Not) c).part(), owner, byId, types, problems);
      return;
    }
    Set<String> named = new LinkedHashSet<>();
    Condition.collectTasks(c, named);
    String id = named.iterator().next();
    TaskSpec ref = byId.get(id);
    if (ref == null) {
      problems.add(c.path() + ".task: no task has the id \"" + id + "\"");
      return;
    }
    if (ref.index() >= owner.index()) {
      problems.add(c.path() + ".task: \"" + id + "\" is " + ref.path() + (ref == owner ? ", this task itself" : "")
          + ", which does not come before " + owner.path() + " (a condition tests tasks earlier in plan order)");
      return;
    }
    if (c instanceof Condition.Verdict) {
      TaskType type = types.computeIfAbsent(ref.type(), k -> k.isEmpty() ? null : TaskCatalog.find(k));
      List<String> declared = type == null ? List.of() : type.declaration().verdicts();
      List<String> tested = ((Condition.Verdict) c).verdicts();
      for (int i = 0; i < tested.size(); i++) {
        if (!declared.contains(tested.get(i))) {
          problems.add(c.path() + ".verdict[" + i + "]: \"" + tested.get(i) + "\" is not a verdict of "
              + (type == null ? "the unknown type \"" + ref.type() + "\"" : ref.type()) + " (task \"" + id + "\"); "
              + (declared.isEmpty() ? "it declares none" : "it gives " + String.join(", ", declared)));
        }
      }
    }
  }

  private static boolean onlyKeys(JsonNode n, String path, Set<String> allowed, List<String> problems) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        problems.add(path + "." + k + ": unknown key here (expected " + String.join(", ", sorted(allowed)) + ")");
        return false;
      }
    }
    return true;
  }

  private static List<String> strings(JsonNode v, String path, List<String> problems) {
    if (!v.isArray() || v.isEmpty()) {
      problems.add(path + ": expected a non-empty array of strings, got " + ParamValidator.describe(v));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual() || v.get(i).asText().isEmpty()) {
        problems.add(path + "[" + i + "]: expected a non-empty string, got " + ParamValidator.describe(v.get(i)));
        return null;
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  private static boolean scalar(JsonNode v) {
    return v.isValueNode();
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode e : array) {
      if (!scalar(e)) {
        return false;
      }
    }
    return true;
  }

  private static Status statusOf(String id) {
    for (Status s : Status.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private static Condition.Op opOf(String id) {
    for (Condition.Op op : Condition.Op.values()) {
      if (op.id().equals(id)) {
        return op;
      }
    }
    return null;
  }

  private static String statusIds(Set<Status> set) {
    List<String> ids = new ArrayList<>();
    set.forEach(s -> ids.add(s.id()));
    return String.join(", ", ids);
  }

  private static String keys(JsonNode n) {
    List<String> ks = new ArrayList<>();
    n.fieldNames().forEachRemaining(ks::add);
    return ks.isEmpty() ? "(none)" : String.join(", ", ks);
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
