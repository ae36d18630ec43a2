package servicerunner.task.speedtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamKind;
import servicerunner.param.ParamSpec;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.task.Verdict;

/**
 * Internet speed test through speedtest-cli (default) or Ookla's speedtest. The reference ran the speedtest-cli
 * library in process, where a skip could not interrupt it; as a child process it can be stopped at any time.
 */
public final class SpeedtestTask extends ToolTask {
  /**
   * Both tools read a server id as an integer (speedtest-cli {@code --server}, Ookla {@code --server-id}); the app
   * sends numbers or strings, and null or blank entries are left out (see {@link #serverIds}).
   */
  private static final ParamCheck SERVER_IDS = new ParamCheck("server ids: digits, or an array of them", v -> {
    for (JsonNode id : v.isArray() ? v : Json.array().add(v)) {
      boolean ignored = id.isNull() || id.isTextual() && id.asText().isBlank();
      boolean digits = id.isIntegralNumber() && id.asLong() >= 0 || id.isTextual() && id.asText().strip().matches("[0-9]+");
      if (!ignored && !digits) {
        return "expected a server id (digits) or an array of ids, got " + ParamValidator.describe(id);
      }
    }
    return null;
  });

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("speedtest",
          "Measures internet download, upload and latency with speedtest-cli or Ookla's speedtest.")
      .params(
          ParamSpec.string("provider", "auto (Ookla when the executable is named speedtest), speedtest-cli or ookla.")
              .defaultsTo("auto").oneOf("auto", "speedtest-cli", "ookla"),
          ParamSpec.string("executable_path", "The program (default: speedtest-cli, or speedtest for provider"
              + " ookla)."),
          ParamSpec.of("servers", ParamKind.ANY, "Server ids to choose from (numbers or strings of digits).")
              .check(SERVER_IDS),
          ParamSpec.of("server", ParamKind.ANY, "One server id (added to servers).").check(SERVER_IDS),
          ParamSpec.integer("threads", "1 = a single connection (speedtest-cli --single); more = the tool's default.")
              .range(1.0, 1000.0),
          ParamSpec.bool("secure", "Use HTTPS (speedtest-cli --secure).").defaultsTo(true),
          ParamSpec.bool("share", "Create a share URL (speedtest-cli --share).").defaultsTo(false),
          ParamSpec.bool("skip_download", "No download test (speedtest-cli only).").defaultsTo(false),
          ParamSpec.bool("skip_upload", "No upload test (speedtest-cli only).").defaultsTo(false))
      // a full test takes 20-60 s; speedtest-cli's own HTTP timeout is 10 s per request
      .timeout(Duration.ofMinutes(5))
      .example("{\"type\":\"speedtest\",\"threads\":1,\"share\":false,\"secure\":true}")
      .verdicts("excellent", "good", "fair", "poor")
      .resources("net")
      .build();

  public SpeedtestTask() {
    super(DECLARATION, "speedtest-cli");
  }

  static boolean isOokla(String provider, String exe) {
    if (!"auto".equals(provider)) {
      return "ookla".equals(provider);
    }
    String name = Path.of(exe).getFileName().toString().toLowerCase(Locale.ROOT);
    return name.equals("speedtest") || name.equals("speedtest.exe");
  }

  /** Server ids from servers (array of numbers/strings, or one value) and server; null entries are ignored. */
  static List<String> serverIds(Params p) {
    List<String> ids = new ArrayList<>();
    for (String key : new String[] {"servers", "server"}) {
      if (!p.has(key)) {
        continue;
      }
      var v = p.raw(key);
      if (v.isArray()) {
        v.forEach(n -> {
          if (n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
            ids.add(n.asText().strip());
          }
        });
      } else if (v.isValueNode() && !v.asText().isBlank()) {
        ids.add(v.asText().strip());
      }
    }
    return ids;
  }

  static List<String> argv(Params p, boolean ookla, String exe) {
    List<String> a = new ArrayList<>(List.of(exe));
    List<String> servers = serverIds(p);
    if (ookla) {
      a.addAll(List.of("--format=json", "--accept-license", "--accept-gdpr", "--progress=no"));
      if (!servers.isEmpty()) {
        a.add("--server-id=" + servers.get(0)); // Ookla takes one server
      }
      return a;
    }
    a.add("--json");
    if (p.bool("secure")) {
      a.add("--secure");
    }
    if (p.bool("share")) {
      a.add("--share");
    }
    if (p.bool("skip_download")) {
      a.add("--no-download");
    }
    if (p.bool("skip_upload")) {
      a.add("--no-upload");
    }
    if (p.optInteger("threads").orElse(0) == 1) {
      a.add("--single");
    }
    servers.forEach(id -> a.addAll(List.of("--server", id)));
    return a;
  }

  private static String executable(Params p) {
    return p.optString("executable_path").orElse("ookla".equals(p.string("provider")) ? "speedtest" : "speedtest-cli");
  }

  private static boolean isOokla(Params p) {
    return isOokla(p.string("provider"), executable(p));
  }

  /** The failure sentences name the program as the plan gave it. */
  @Override
  protected String toolName(Params p) {
    return executable(p);
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    return ProcessSpec.of(argv(p, isOokla(p), executable(p))).withEncoding(OutputEncoding.UTF8);
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    boolean ookla = isOokla(p);
    ObjectNode parsed = SpeedtestResultParser.parse(r.stdout().text(), r.stderr().text(), r.exitCode());
    ObjectNode s = Json.object();
    s.put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 2));
    s.setAll(parsed);
    s.put("provider", ookla ? "ookla" : "speedtest-cli");
    s.put("exit_code", r.exitCode());
    ArrayNode notes = (ArrayNode) s.path("human_readable").path("notes");
    if (ookla && (p.bool("skip_download") || p.bool("skip_upload"))) {
      notes.add("Ookla speedtest always measures both directions; skip_download/skip_upload were ignored");
    }
    if (!parsed.path("success").asBoolean()) {
      s.put("stdout_excerpt", r.stdout().lastChars(ProcessSummaries.EXCERPT));
      s.put("stderr_excerpt", r.stderr().lastChars(ProcessSummaries.EXCERPT));
      return TaskOutcome.of(Status.FAILURE, Verdict.of("failed", s.get("error").asText()), s);
    }
    JsonNode hr = s.get("human_readable");
    String id = hr.path("verdict").asText();
    String sentence = "Download " + figure(hr, "download_mbps", " Mbps") + ", upload "
        + figure(hr, "upload_mbps", " Mbps") + ", ping " + figure(hr, "ping_ms", " ms") + ": " + id + " ("
        + hr.path("score").asInt() + "/100)";
    return TaskOutcome.of(Status.SUCCESS, Verdict.written(s, sentence), s);
  }

  private static String figure(JsonNode hr, String key, String unit) {
    return hr.path(key).isNumber() ? hr.get(key).asText() + unit : "not measured";
  }

  /** The score and stars the renderer draws are 0 for a test that did not finish. */
  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.putObject("human_readable").put("score", 0).put("rating_stars", 0);
  }
}
