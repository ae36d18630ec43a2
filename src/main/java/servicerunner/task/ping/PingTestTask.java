package servicerunner.task.ping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/** Pings a host and reports loss, latency and a stability score (the app's ping renderer). */
public final class PingTestTask implements TaskType {
  static final int EXCERPT = 1000;
  /** Windows ping waits 4000 ms per reply unless -w says otherwise; iputils uses a similar bound. */
  static final long DEFAULT_WAIT_MS = 4000;

  @Override
  public String id() {
    return "ping_test";
  }

  @Override
  public String description() {
    return "Pings a host and reports packet loss, round-trip times, jitter and a stability score.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("host", "Host name or IP address to ping.").required(),
        ParamSpec.integer("count", "Number of echo requests.").defaultsTo(4).range(1.0, 500.0),
        ParamSpec.number("timeout_ms", "Time to wait for each reply, in milliseconds (Windows -w, elsewhere -W in whole"
            + " seconds, at least 1).").range(1.0, 600_000.0),
        ParamSpec.number("size_bytes", "Payload size in bytes (Windows -l, elsewhere -s).").range(0.0, 65500.0),
        ParamSpec.string("encoding", "Output encoding: auto (UTF-8, or the OEM code page on Windows), oem, utf-8 or a"
            + " Java charset name.").defaultsTo("auto"),
        ParamSpec.string("executable_path", "The ping program (default: ping from PATH)."));
  }

  /** An outer bound; each run also gets count x per-reply wait + 30 s (see {@link #processTimeout}). */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(1);
  }

  @Override
  public String example() {
    return "{\"type\":\"ping_test\",\"host\":\"127.0.0.1\",\"count\":4}";
  }

  static Duration processTimeout(int count, Double timeoutMs) {
    long wait = Math.max(1000, timeoutMs == null ? DEFAULT_WAIT_MS : (long) Math.ceil(timeoutMs));
    return Duration.ofMillis(count * wait).plusSeconds(30);
  }

  static List<String> argv(Platform platform, String exe, String host, int count, Double timeoutMs, Double size) {
    List<String> a = new ArrayList<>();
    a.add(exe);
    if (platform.isWindows()) {
      a.add("-n");
      a.add(Integer.toString(count));
      if (timeoutMs != null) {
        a.add("-w");
        a.add(Long.toString((long) Math.ceil(timeoutMs)));
      }
      if (size != null) {
        a.add("-l");
        a.add(Long.toString(size.longValue()));
      }
    } else {
      a.add("-c");
      a.add(Integer.toString(count));
      if (timeoutMs != null) {
        a.add("-W");
        a.add(Long.toString(Math.max(1, (long) Math.ceil(timeoutMs / 1000.0))));
      }
      if (size != null) {
        a.add("-s");
        a.add(Long.toString(size.longValue()));
      }
    }
    a.add(host);
    return a;
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    String host = p.string("host").strip();
    if (host.isEmpty() || host.startsWith("-") || host.chars().anyMatch(Character::isWhitespace)) {
      return TaskOutcome.failure("host: expected a host name or IP address, got \"" + host + "\"");
    }
    OutputEncoding encoding;
    try {
      String e = p.string("encoding");
      encoding = "auto".equalsIgnoreCase(e.strip()) && ctx.platform().isWindows()
          ? OutputEncoding.parse("oem") // ping.exe writes the console OEM code page to a pipe (tool-outputs.md 0.1)
          : OutputEncoding.parse(e);
    } catch (IllegalArgumentException e) {
      return TaskOutcome.failure("encoding: " + e.getMessage());
    }
    int count = p.integer("count");
    Double timeoutMs = p.optNumber("timeout_ms").orElse(null);
    String exe = p.optString("executable_path").orElse("ping");
    List<String> argv = argv(ctx.platform(), exe, host, count, timeoutMs, p.optNumber("size_bytes").orElse(null));
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withEncoding(encoding).withTimeout(processTimeout(count, timeoutMs)));
    var problem = ProcessSummaries.problem(r, "ping");
    if (problem.isPresent()) {
      problem.get().summary().put("host", host).put("count", count);
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    ObjectNode parsed = PingOutputParser.parse(r.stdout().text() + "\n" + r.stderr().text(), host);
    ObjectNode s = Json.object();
    s.put("host", host);
    s.put("count", count);
    s.setAll(parsed);
    s.put("exit_code", r.exitCode());
    s.put("stdout_excerpt", r.stdout().lastChars(EXCERPT));
    s.put("stderr_excerpt", r.stderr().lastChars(EXCERPT));
    Status status = s.path("success").asBoolean() ? Status.SUCCESS : Status.FAILURE;
    return new TaskOutcome(status, s, Json.object().set("command", ProcessSummaries.command(r)));
  }
}
