package servicerunner.task.ping;

import servicerunner.progress.PingProgress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.figures.SaturatingTime;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.ToolTask;
import servicerunner.task.Verdict;

/** Pings a host and reports loss, latency and a stability score (the app's ping renderer). */
public final class PingTestTask extends ToolTask {
  static final int EXCERPT = 1000;
  /** Windows ping waits 4000 ms per reply unless -w says otherwise; iputils uses a similar bound. */
  static final long DEFAULT_WAIT_MS = 4000;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("ping_test",
          "Pings a host and reports packet loss, round-trip times, jitter and a stability score.")
      .params(
          ParamSpec.string("host", "Host name or IP address to ping.").required().nonEmpty().positional()
              .matches("\\s*\\S+\\s*", "a host name or IP address"),
          ParamSpec.integer("count", "Number of echo requests.").defaultsTo(4).range(1.0, 500.0),
          ParamSpec.number("timeout_ms", "Time to wait for each reply, in milliseconds (Windows -w, elsewhere -W in"
              + " whole seconds, at least 1).").range(1.0, 600_000.0),
          ParamSpec.number("size_bytes", "Payload size in bytes (Windows -l, elsewhere -s).").range(0.0, 65500.0),
          ParamSpec.string("encoding", "Output encoding: auto (UTF-8, or the OEM code page on Windows), oem, utf-8 or"
              + " a Java charset name.").defaultsTo("auto").encoding(),
          ParamSpec.string("executable_path", "The ping program (default: ping from PATH)."))
      // an outer bound; each run also gets count x per-reply wait + 30 s (processTimeout)
      .timeout(Duration.ofHours(1))
      .example("{\"type\":\"ping_test\",\"host\":\"127.0.0.1\",\"count\":4}")
      .verdicts("excellent", "good", "fair", "poor", "host_not_found", "unreachable", "no_reply")
      .progress(PingProgress.SOURCE)
      .build();

  public PingTestTask() {
    super(DECLARATION, "ping");
  }

  static Duration processTimeout(int count, Double timeoutMs) {
    long wait = Math.max(1000, timeoutMs == null ? DEFAULT_WAIT_MS : (long) Math.ceil(timeoutMs));
    return Duration.ofMillis(SaturatingTime.times(count, wait)).plusSeconds(30);
  }

  /**
   * The two dialects differ in their option letters, in -W taking whole seconds, and in {@code --}: iputils and BSD
   * ping (getopt) end their options there, Windows ping does not know it. The host never begins with "-" (declared
   * positional), so {@code --} is a second guard where the tool has it.
   */
  static List<String> argv(Platform platform, String exe, String host, int count, Double timeoutMs, Double size) {
    boolean windows = platform.isWindows();
    List<String> a = new ArrayList<>(List.of(exe, windows ? "-n" : "-c", Integer.toString(count)));
    if (timeoutMs != null) {
      long wait = windows ? (long) Math.ceil(timeoutMs) : Math.max(1, (long) Math.ceil(timeoutMs / 1000.0));
      a.addAll(List.of(windows ? "-w" : "-W", Long.toString(wait)));
    }
    if (size != null) {
      a.addAll(List.of(windows ? "-l" : "-s", Long.toString(size.longValue())));
    }
    if (!windows) {
      a.add("--");
    }
    a.add(host);
    return a;
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    String e = p.string("encoding");
    OutputEncoding encoding = "auto".equalsIgnoreCase(e.strip()) && ctx.platform().isWindows()
        ? OutputEncoding.parse("oem") // ping.exe writes the console OEM code page to a pipe (tool-outputs.md 0.1)
        : OutputEncoding.parse(e);
    int count = p.integer("count");
    Double timeoutMs = p.optNumber("timeout_ms").orElse(null);
    List<String> argv = argv(ctx.platform(), p.optString("executable_path").orElse("ping"), host(p), count, timeoutMs,
        p.optNumber("size_bytes").orElse(null));
    return ProcessSpec.of(argv).withEncoding(encoding).withTimeout(processTimeout(count, timeoutMs));
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    String host = host(p);
    ObjectNode parsed = PingOutputParser.parse(r.stdout().text() + "\n" + r.stderr().text(), host);
    ObjectNode s = Json.object();
    describeUnfinished(s, p);
    s.setAll(parsed);
    ToolOutcomes.excerpts(s, r, EXCERPT);
    String id = s.at("/human_readable/verdict").asText();
    if (!s.path("success").asBoolean()) {
      return TaskOutcome.of(Status.FAILURE, Verdict.of(id, s.get("error").asText()), s);
    }
    String sentence = host + " answers: stability " + id + " (" + s.at("/human_readable/stability_score").asInt()
        + "/100)";
    return TaskOutcome.of(Status.SUCCESS, Verdict.written(s, sentence), s);
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.put("host", host(p)).put("count", p.integer("count"));
  }

  private static String host(Params p) {
    return p.string("host").strip();
  }
}
