package servicerunner.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;
import servicerunner.task.TaskDeclaration;

/**
 * Reads a plan: a file path, inline JSON text, or {@code -} for stdin. Accepts {@code {"tasks":[...]}}, a bare array,
 * or a single task object; task parameters flat or under {@code "params"}. Every problem is reported with its path.
 */
public final class PlanParser {
  /** Keys every task may carry that are not handler parameters. */
  static final Set<String> COMMON_KEYS = union(
      Set.of("type", "id", "params", "timeout_seconds", "idle_timeout_seconds", "stream_output", "ui_label",
          "_client_only", "isDiagnostic"), union(PolicyParser.KEYS, SchedulingParser.TASK_KEYS));

  private static final Set<String> TOP_LEVEL_KEYS = union(
      Set.of("tasks", "metadata", "pause_between_tasks", "parallel_execution", "sentry_config", HeartbeatSetting.KEY),
      SchedulingParser.PLAN_KEYS);

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private PlanParser() {}

  /** Reads the plan argument as the CLI receives it, with the default size limit. */
  public static Plan read(String argument, InputStream stdin) throws PlanException {
    return read(argument, stdin, DEFAULT_MAX_BYTES);
  }

  /**
   * Metadata of at least this much text is kept as text rather than a tree: the runner only copies it into the
   * report, and as a tree it takes about four times its size (see json/RawObject).
   */
  static final int RAW_METADATA_BYTES = 256 * 1024;

  /** A task id: what conditions and {@code needs} name it by, echoed in messages, so short and plain. */
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  /** Longest task type accepted (the longest real one has 32 characters). */
  static final int MAX_TYPE = 100;

  /** The default of {@code --max-plan-bytes} (32 MiB). */
  public static final long DEFAULT_MAX_BYTES = PlanBytes.DEFAULT_MAX;

  /** Reads the plan argument; a plan of more than {@code maxBytes} bytes is a plan error, read no further. */
  public static Plan read(String argument, InputStream stdin, long maxBytes) throws PlanException {
    return read(argument, stdin, maxBytes, true);
  }

  /**
   * {@link #read(String, InputStream, long)}; without {@code digest} the plan's {@link Plan#digest()} is null. Only a
   * journal needs it, and hashing a large plan in the first, interpreted moments of the JVM costs milliseconds per
   * 10 KB on the way to the first task.
   */
  public static Plan read(String argument, InputStream stdin, long maxBytes, boolean digest) throws PlanException {
    byte[] bytes;
    String source;
    if ("-".equals(argument)) {
      source = "stdin";
      try {
        bytes = PlanBytes.read(stdin, maxBytes, source);
      } catch (IOException e) {
        throw new PlanException("stdin: cannot read the plan: " + e.getMessage());
      }
    } else if (isInline(argument)) {
      source = "inline plan";
      bytes = PlanBytes.inline(argument, maxBytes);
    } else {
      source = argument;
      bytes = PlanBytes.readFile(argument, maxBytes);
    }
    return parse(bytes, source, digest);
  }

  /** Whether the plan argument is JSON text rather than a path (a file of that name wins). */
  public static boolean isInline(String argument) {
    return !"-".equals(argument) && looksLikeJson(argument) && !isFile(argument);
  }

  private static boolean isFile(String s) {
    try {
      return Files.isRegularFile(Path.of(s));
    } catch (RuntimeException e) {
      return false; // not a valid path on this OS, e.g. inline JSON with characters a path cannot hold
    }
  }

  private static boolean looksLikeJson(String arg) {
    String t = arg.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  public static Plan parse(byte[] bytes, String source) throws PlanException {
    return parse(bytes, source, true);
  }

  private static Plan parse(byte[] bytes, String source, boolean digest) throws PlanException {
    int start = PlanText.bomLength(bytes);
    PlanText.requireUtf8(bytes, start, source);
    if (PlanText.isBlank(bytes, start)) {
      throw new PlanException(source + ": the plan is empty (expected a JSON object or array)");
    }
    JsonNode root;
    try {
      root = Json.parse(bytes, start, bytes.length - start, "metadata", RAW_METADATA_BYTES);
    } catch (JsonProcessingException e) {
      throw new PlanException(source + location(e.getLocation()) + ": invalid JSON: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new PlanException(source + ": invalid JSON: " + oneLine(e.getMessage()));
    } catch (OutOfMemoryError e) {
      // the tree of a plan under the size limit can still outgrow the heap (millions of tiny values); everything
      // it held is garbage now, so the run can still end with a plan error and a failure report
      throw new PlanException(source + ": the plan does not fit in memory (" + PlanBytes.amount(bytes.length)
          + "); lower --max-plan-bytes or split the plan");
    }
    return build(root, source, digest ? sha256(bytes) : null);
  }

  private static Plan build(JsonNode root, String source, String digest) throws PlanException {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonNode tasksNode;
    String prefix;
    ObjectNode metadata = Json.object();
    boolean pause = false;
    boolean parallel = false;
    PlanScheduling scheduling = PlanScheduling.NONE;
    if (root.isArray()) {
      tasksNode = root;
      prefix = "";
    } else if (root.isObject() && root.has("tasks")) {
      tasksNode = root.get("tasks");
      prefix = "tasks";
      if (!tasksNode.isArray()) {
        problems.add("tasks: expected an array of task objects, got " + ParamValidator.describe(tasksNode));
      }
      JsonNode md = root.get("metadata");
      if (md != null && !md.isNull()) {
        if (md.isObject()) {
          metadata = (ObjectNode) md;
        } else {
          problems.add("metadata: expected an object, got " + ParamValidator.describe(md));
        }
      }
      pause = bool(root, "pause_between_tasks", problems);
      parallel = bool(root, "parallel_execution", problems);
      scheduling = SchedulingParser.plan(root, problems);
      root.fieldNames().forEachRemaining(k -> {
        if (!TOP_LEVEL_KEYS.contains(k)) {
          warnings.add(k + ": unknown top-level key, ignored");
        }
      });
    } else if (root.isObject() && root.has("type")) {
      tasksNode = Json.array().add(root);
      prefix = null; // single-task shorthand: paths start at the root
    } else {
      throw new PlanException(
          source + ": expected an object with \"tasks\" (an array), an array of tasks, or one task object with"
              + " \"type\"; got " + ParamValidator.describe(root));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    if (tasksNode.isArray()) {
      for (int i = 0; i < tasksNode.size(); i++) {
        String path = prefix == null ? "$" : prefix + "[" + i + "]";
        TaskSpec t = task(i, tasksNode.get(i), path, problems);
        if (t != null) {
          tasks.add(t);
        }
      }
    }
    Map<String, String> firstPath = new HashMap<>();
    for (TaskSpec t : tasks) {
      String earlier = t.id() == null ? null : firstPath.putIfAbsent(t.id(), t.path() + ".id");
      if (earlier != null) {
        problems.add(t.path() + ".id: \"" + t.id() + "\" is already the id of " + earlier + " (ids are unique)");
      }
    }
    PolicyParser.checkReferences(tasks, problems);
    Duration heartbeat = HeartbeatSetting.read(root, problems);
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return new Plan(List.copyOf(tasks), metadata, pause, parallel, List.copyOf(warnings), digest, heartbeat,
        scheduling);
  }

  private static TaskSpec task(int index, JsonNode node, String path, List<String> problems) {
    if (!node.isObject()) {
      problems.add(path + ": expected a task object, got " + ParamValidator.describe(node));
      return null;
    }
    int before = problems.size();
    JsonNode typeNode = node.get("type");
    String type = "";
    if (typeNode != null && !typeNode.isNull()) {
      if (typeNode.isTextual() && typeNode.asText().length() > MAX_TYPE) {
        // a type is a short id; a megabyte of text there was echoed into every marker and progress line
        problems.add(path + ".type: expected a task type id of at most " + MAX_TYPE + " characters, got a string of "
            + String.format(java.util.Locale.ROOT, "%,d", typeNode.asText().length()) + " characters");
      } else if (typeNode.isTextual()) {
        type = typeNode.asText();
      } else {
        problems.add(path + ".type: expected a string, got " + ParamValidator.describe(typeNode));
      }
    }
    ObjectNode params = Json.object();
    Set<String> nested = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!COMMON_KEYS.contains(e.getKey())) {
        params.set(e.getKey(), e.getValue());
      }
    }
    JsonNode nestedNode = node.get("params");
    if (nestedNode != null && !nestedNode.isNull()) {
      if (!nestedNode.isObject()) {
        problems.add(path + ".params: expected an object, got " + ParamValidator.describe(nestedNode));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = nestedNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode flat = params.get(e.getKey());
          if (flat != null && !flat.equals(e.getValue())) {
            problems.add(path + ".params." + e.getKey() + ": conflicts with " + path + "." + e.getKey()
                + " (give the parameter once)");
            continue;
          }
          params.set(e.getKey(), e.getValue());
          if (flat == null) {
            nested.add(e.getKey());
          }
        }
      }
    }
    String id = id(node, path, problems);
    TaskPolicy policy = PolicyParser.parse(node, path, problems);
    Duration timeout = seconds(node, "timeout_seconds", path, problems);
    Duration idle = seconds(node, "idle_timeout_seconds", path, problems);
    Scheduling scheduling = SchedulingParser.task(node, path, problems);
    boolean stream = true;
    JsonNode so = node.get("stream_output");
    if (so != null) {
      if (so.isBoolean()) {
        stream = so.asBoolean();
      } else {
        problems.add(path + ".stream_output: expected true or false, got " + ParamValidator.describe(so));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new TaskSpec(index, id, type, params, path, Set.copyOf(nested), timeout, idle, stream, policy,
        scheduling);
  }

  private static String id(JsonNode node, String path, List<String> problems) {
    JsonNode v = node.get("id");
    if (v == null) {
      return null;
    }
    if (!v.isTextual() || !TASK_ID.matcher(v.asText()).matches()) {
      problems.add(path + ".id: expected a task id of 1 to " + MAX_TYPE + " letters, digits, '_', '-' or '.', got "
          + ParamValidator.describe(v));
      return null;
    }
    return v.asText();
  }

  private static Duration seconds(JsonNode node, String key, String path, List<String> problems) {
    JsonNode v = node.get(key);
    if (v == null) {
      return null;
    }
    double max = TaskDeclaration.MAX_TIMEOUT.toSeconds();
    if (!v.isNumber() || !(v.asDouble() > 0) || !(v.asDouble() <= max)) {
      problems.add(path + "." + key + ": expected a number of seconds greater than 0 and at most "
          + (long) max + " (" + TaskDeclaration.MAX_TIMEOUT.toDays() + " days), got " + ParamValidator.describe(v));
      return null;
    }
    return Duration.ofMillis(Math.round(v.asDouble() * 1000));
  }

  private static boolean bool(JsonNode root, String key, List<String> problems) {
    JsonNode v = root.get(key);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      problems.add(key + ": expected true or false, got " + ParamValidator.describe(v));
      return false;
    }
    return v.asBoolean();
  }

  private static String location(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.digest(bytes)); // not MessageDigest: see Sha256 (start-up time)
  }
}
