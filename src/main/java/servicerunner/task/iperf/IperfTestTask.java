package servicerunner.task.iperf;

import servicerunner.progress.DurationProgress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.figures.SaturatingTime;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.task.Verdict;

/**
 * Measures network throughput against an iperf3 server. A user skip ends iperf3 and is reported as skipped: the
 * engine's TaskCancelledException is let through (the reference turned it into a failure, bug B5).
 */
public final class IperfTestTask extends ToolTask {
  static final Duration MARGIN = Duration.ofSeconds(10);

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("iperf_test",
          "Measures TCP or UDP throughput to an iperf3 server and rates its stability over the test.")
      .params(
          ParamSpec.string("executable_path", "The iperf3 program.").defaultsTo("iperf3"),
          // iperf3 takes the server as the value of -c (it has no operand, so no "--" either); a leading "-" is
          // never a host and is refused like any positional
          ParamSpec.string("server", "iperf3 server host name or address.").required().nonEmpty().positional(),
          ParamSpec.integer("port", "Server port.").defaultsTo(5201).range(1.0, 65535.0),
          ParamSpec.number("duration_minutes", "Test length in minutes (fractions allowed, e.g. 0.05 = 3 s).")
              .range(0.0001, 1440.0),
          ParamSpec.number("duration_seconds", "Test length in seconds (instead of duration_minutes).")
              .range(1.0, 86400.0),
          ParamSpec.string("protocol", "tcp or udp.").defaultsTo("tcp").oneOf("tcp", "udp"),
          ParamSpec.bool("reverse", "Server sends, client receives (download).").defaultsTo(false),
          ParamSpec.integer("parallel_streams", "Parallel streams (-P).").defaultsTo(1).range(1.0, 128.0),
          ParamSpec.integer("omit_seconds", "Warm-up seconds left out of the result (--omit).").defaultsTo(0)
              .range(0.0, 600.0),
          ParamSpec.number("interval_seconds", "Reporting interval (-i).").defaultsTo(1).range(0.1, 60.0),
          ParamSpec.string("bandwidth", "UDP target bitrate (-b), e.g. 100M.")
              .matches("[0-9]+(\\.[0-9]+)?[KMGTkmgt]?(/[0-9]+)?", "a bitrate such as 100M or 1.5G"),
          ParamSpec.stringList("extra_args", "Further iperf3 arguments, appended last.").defaultsTo(Json.array()),
          ParamSpec.bool("include_intervals", "Add every interval to the summary.").defaultsTo(false),
          ParamSpec.bool("include_raw", "Add iperf3's whole JSON to the summary.").defaultsTo(false),
          ParamSpec.number("stability_threshold_bps", "Intervals below this many bits/s are counted.")
              .range(0.0, 1e12),
          ParamSpec.number("stability_threshold_mbps", "The same threshold in Mbit/s (the app sends \"20Mbps\","
              + " read as 20).").range(0.0, 1e6),
          ParamSpec.number("connect_timeout", "Seconds to wait for the server to accept the connection (given to"
              + " iperf3 --connect-timeout in milliseconds).").unit("s").defaultsTo(10).range(0.1, 600.0))
      // none for the task: each run limits iperf3 to test length + connect timeout + 10 s (processTimeout)
      .timeout("none; iperf3 itself is stopped after the test length + omit_seconds + connect_timeout + 10 s",
          p -> null)
      .example("{\"type\":\"iperf_test\",\"server\":\"192.168.0.34\",\"duration_minutes\":1,\"protocol\":\"tcp\"}")
      .verdicts("excellent", "good", "fair", "poor", "connection_failed")
      .progress(DurationProgress.of(p -> Duration.ofSeconds(testSeconds(p))))
      .rule("one of them is required", p -> p.has("duration_minutes") || p.has("duration_seconds"),
          "duration_minutes", "duration_seconds")
      .resources("net")
      .build();

  public IperfTestTask() {
    super(DECLARATION, "iperf3");
  }

  /**
   * Test length in whole seconds (iperf3 -t takes an integer), from duration_seconds or duration_minutes (one of
   * them is declared required, and both are bounded at plan time).
   */
  static int testSeconds(Params p) {
    double seconds = p.has("duration_seconds") ? p.number("duration_seconds") : p.number("duration_minutes") * 60;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(seconds)));
  }

  static Duration processTimeout(int seconds, int omitSeconds, double connectTimeoutSeconds) {
    return SaturatingTime.seconds((double) seconds + omitSeconds + connectTimeoutSeconds).plus(MARGIN);
  }

  static List<String> argv(Params p, int seconds) {
    List<String> a = new ArrayList<>(List.of(p.string("executable_path"), "-c", p.string("server").strip(),
        "-p", Integer.toString(p.integer("port")), "--json"));
    // iperf3 reads --connect-timeout in milliseconds; the reference passed its seconds value straight (bug B6).
    a.addAll(List.of("--connect-timeout", Long.toString(Math.round(p.number("connect_timeout") * 1000))));
    a.addAll(List.of("-i", trim(p.number("interval_seconds")), "-t", Integer.toString(seconds)));
    if (p.integer("parallel_streams") > 1) {
      a.addAll(List.of("-P", Integer.toString(p.integer("parallel_streams"))));
    }
    if (p.integer("omit_seconds") > 0) {
      a.addAll(List.of("--omit", Integer.toString(p.integer("omit_seconds"))));
    }
    if ("udp".equals(p.string("protocol"))) {
      a.add("-u");
      p.optString("bandwidth").ifPresent(b -> a.addAll(List.of("-b", b)));
    }
    if (p.bool("reverse")) {
      a.add("-R");
    }
    a.addAll(p.stringList("extra_args"));
    return a;
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    int seconds = testSeconds(p);
    List<String> argv = argv(p, seconds);
    ProcessSpec spec = ProcessSpec.of(argv)
        .withTimeout(processTimeout(seconds, p.integer("omit_seconds"), p.number("connect_timeout")));
    Path exe = Path.of(argv.get(0));
    return exe.getParent() == null ? spec
        : spec.withCwd(exe.toAbsolutePath().getParent()); // Windows builds ship cygwin DLLs beside iperf3.exe
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    ObjectNode s = Json.object();
    describeUnfinished(s, p);
    ObjectNode parsed = IperfResultParser.parse(r.stdout().text(), r.stderr().text(), r.exitCode(),
        new IperfResultParser.Options(threshold(p), p.bool("include_intervals"), p.bool("include_raw")));
    s.setAll(parsed);
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", r.stderr().lastChars(ProcessSummaries.EXCERPT));
    String id = s.at("/human_readable/verdict").asText();
    if (!parsed.path("success").asBoolean()) {
      s.put("stdout_excerpt", r.stdout().lastChars(ProcessSummaries.EXCERPT));
      return TaskOutcome.of(Status.FAILURE, Verdict.of(id, s.get("error").asText()), s);
    }
    JsonNode mean = s.at("/human_readable/throughput/mean");
    String sentence = p.string("server").strip() + ": " + (mean.isNumber() ? mean.asText() + " Mbps mean, " : "")
        + "stability " + id + " (" + s.at("/human_readable/stability_score").asInt() + "/100)";
    return TaskOutcome.of(Status.SUCCESS, Verdict.written(s, sentence), s);
  }

  /** What was asked for (the renderer shows server, port and length even when iperf3 never ran). */
  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.put("server", p.string("server").strip());
    s.put("port", p.integer("port"));
    s.put("protocol", p.string("protocol"));
    s.put("reverse", p.bool("reverse"));
    s.put("duration_seconds", testSeconds(p));
    s.put("parallel_streams", p.integer("parallel_streams"));
    s.put("omit_seconds", p.integer("omit_seconds"));
    s.put("interval_seconds", p.number("interval_seconds"));
    s.put("bandwidth", p.optString("bandwidth").orElse(null));
    s.put("connect_timeout_ms", Math.round(p.number("connect_timeout") * 1000));
    Double threshold = threshold(p);
    if (threshold != null) {
      s.put("stability_threshold_bps", threshold);
    }
    s.putObject("human_readable").put("stability_score", 0)
        .put("protocol", p.string("protocol").toUpperCase(Locale.ROOT))
        .put("direction", p.bool("reverse") ? "download" : "upload");
  }

  private static Double threshold(Params p) {
    return p.optNumber("stability_threshold_bps")
        .orElse(p.optNumber("stability_threshold_mbps").map(m -> m * 1e6).orElse(null));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
