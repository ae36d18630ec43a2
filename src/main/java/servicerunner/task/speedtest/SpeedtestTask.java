package servicerunner.task.speedtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamKind;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/**
 * Internet speed test through speedtest-cli (default) or Ookla's speedtest. The reference ran the speedtest-cli
 * library in process, where a skip could not interrupt it; as a child process it can be stopped at any time.
 */
public final class SpeedtestTask implements TaskType {

  @Override
  public String id() {
    return "speedtest";
  }

  @Override
  public String description() {
    return "Measures internet download, upload and latency with speedtest-cli or Ookla's speedtest.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("provider", "auto (Ookla when the executable is named speedtest), speedtest-cli or ookla.")
            .defaultsTo("auto").oneOf("auto", "speedtest-cli", "ookla"),
        ParamSpec.string("executable_path", "The program (default: speedtest-cli, or speedtest for provider ookla)."),
        ParamSpec.of("servers", ParamKind.ANY, "Server ids to choose from (numbers or strings)."),
        ParamSpec.of("server", ParamKind.ANY, "One server id (added to servers)."),
        ParamSpec.integer("threads", "1 = a single connection (speedtest-cli --single); more = the tool's default.")
            .atLeast(1),
        ParamSpec.bool("secure", "Use HTTPS (speedtest-cli --secure).").defaultsTo(true),
        ParamSpec.bool("share", "Create a share URL (speedtest-cli --share).").defaultsTo(false),
        ParamSpec.bool("skip_download", "No download test (speedtest-cli only).").defaultsTo(false),
        ParamSpec.bool("skip_upload", "No upload test (speedtest-cli only).").defaultsTo(false));
  }

  /** A full test takes 20-60 s; speedtest-cli's own HTTP timeout is 10 s per request. */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(5);
  }

  @Override
  public String example() {
    return "{\"type\":\"speedtest\",\"threads\":1,\"share\":false,\"secure\":true}";
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
    List<String> a = new ArrayList<>();
    a.add(exe);
    List<String> servers = serverIds(p);
    if (ookla) {
      a.add("--format=json");
      a.add("--accept-license");
      a.add("--accept-gdpr");
      a.add("--progress=no");
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
    for (String id : servers) {
      a.add("--server");
      a.add(id);
    }
    return a;
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    for (String key : new String[] {"servers", "server"}) {
      if (p.has(key) && !(p.raw(key).isArray() || p.raw(key).isTextual() || p.raw(key).isIntegralNumber())) {
        return TaskOutcome.failure(key + ": expected a server id or an array of ids");
      }
    }
    String provider = p.string("provider");
    String exe = p.optString("executable_path").orElse("ookla".equals(provider) ? "speedtest" : "speedtest-cli");
    boolean ookla = isOokla(provider, exe);
    List<String> argv = argv(p, ookla, exe);
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withEncoding(servicerunner.exec.OutputEncoding.UTF8));
    ObjectNode extras = Json.object().set("command", ProcessSummaries.command(r));
    var problem = ProcessSummaries.problem(r, argv.get(0));
    if (problem.isPresent()) {
      ObjectNode s = problem.get().summary();
      s.putObject("human_readable").put("verdict", "failed").put("score", 0).put("rating_stars", 0)
          .putArray("notes").add(s.path("error").asText());
      return new TaskOutcome(Status.FAILURE, s, extras);
    }
    ObjectNode parsed = SpeedtestResultParser.parse(r.stdout().text(), r.stderr().text(), r.exitCode());
    ObjectNode s = Json.object();
    s.put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 2));
    s.setAll(parsed);
    s.put("provider", ookla ? "ookla" : "speedtest-cli");
    s.put("exit_code", r.exitCode());
    if (ookla && (p.bool("skip_download") || p.bool("skip_upload"))) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) s.path("human_readable").path("notes"))
          .add("Ookla speedtest always measures both directions; skip_download/skip_upload were ignored");
    }
    boolean ok = parsed.path("success").asBoolean();
    if (!ok) {
      s.put("stdout_excerpt", r.stdout().lastChars(ProcessSummaries.EXCERPT));
      s.put("stderr_excerpt", r.stderr().lastChars(ProcessSummaries.EXCERPT));
    }
    return new TaskOutcome(ok ? Status.SUCCESS : Status.FAILURE, s, extras);
  }
}
