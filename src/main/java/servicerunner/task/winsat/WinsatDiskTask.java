package servicerunner.task.winsat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.report.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;
import servicerunner.task.UnknownFigures;

/** WinSAT storage assessment ({@code winsat disk}) on one drive: throughput, latency and WEI sub-scores. */
public final class WinsatDiskTask implements TaskType {
  private static final Pattern DRIVE = Pattern.compile("^\\s*([A-Za-z])(?::\\\\?)?\\s*$");

  @Override
  public String id() {
    return "winsat_disk";
  }

  @Override
  public String description() {
    return "Measures a drive's read/write throughput and latency with winsat disk.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("drive", "Drive letter, e.g. C:.").defaultsTo("C:"),
        ParamSpec.string("test_mode", "full, random_read, sequential_read, sequential_write or flush.")
            .oneOf("full", "random_read", "sequential_read", "sequential_write", "flush").defaultsTo("full"),
        ParamSpec.string("executable_path", "Path to winsat.exe (default: winsat from PATH)."));
  }

  /** A full run takes 15-120 s on real disks; the reference had no limit at all. */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(15);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"winsat_disk\",\"drive\":\"C:\",\"test_mode\":\"full\"}";
  }

  @Override
  public List<String> checkParams(Params p, UnaryOperator<String> path) {
    if (!DRIVE.matcher(p.string("drive")).matches()) {
      return List.of(path.apply("drive") + ": expected a drive letter such as \"C:\", got \"" + p.string("drive") + "\"");
    }
    return List.of();
  }

  /**
   * Protocol 7.1 argv. Flush mode passes {@code -flush}: the reference ran {@code winsat disk flush} (bug B22);
   * Microsoft's winsat disk parameter table names the flag {@code -flush}, and real full runs log
   * "Storage Assessment '-drive c -flush -seq'".
   */
  static List<String> argv(String exe, String letter, String mode) {
    List<String> argv = new ArrayList<>(List.of(exe, "disk"));
    switch (mode) {
      case "random_read":
        argv.addAll(List.of("-ran", "-read"));
        break;
      case "sequential_read":
        argv.addAll(List.of("-seq", "-read"));
        break;
      case "sequential_write":
        argv.addAll(List.of("-seq", "-write"));
        break;
      case "flush":
        argv.add("-flush");
        break;
      default:
        break;
    }
    argv.addAll(List.of("-drive", letter));
    return argv;
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    Matcher m = DRIVE.matcher(p.string("drive"));
    if (!m.matches()) {
      return TaskOutcome.failure("drive: expected a drive letter such as \"C:\"");
    }
    String letter = m.group(1).toLowerCase(Locale.ROOT);
    String drive = letter.toUpperCase(Locale.ROOT) + ":";
    String mode = p.string("test_mode");
    ProcessResult r = ctx.run(ProcessSpec.of(argv(p.optString("executable_path").orElse("winsat"), letter, mode))
        .withEncoding(OutputEncoding.parse("oem")));
    var problem = ProcessSummaries.problem(r, "winsat");
    if (problem.isPresent()) {
      problem.get().summary().put("drive", drive).put("test_mode", mode);
      problem.get().summary().putObject("human_readable").put("verdict", "not_completed").putNull("score")
          .putArray("notes").add(problem.get().summary().path("error").asText());
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    TaskOutcome o = WinsatOutputParser.parse(r.stdout().bytes(), r.stdout().charset(), r.exitCode(),
        new WinsatOutputParser.Request(drive, mode));
    if (o.summary().path("duration_seconds").isNull()) {
      o.summary().put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
    }
    // the renderer's chart turns a null throughput into a 0 MB/s bar (Number(null)); left out it is not drawn
    UnknownFigures.omitNulls((ObjectNode) o.summary().get("results"));
    o.summary().put("stdout_excerpt", r.stdout().firstChars(2000));
    o.summary().put("stderr_excerpt", r.stderr().firstChars(1000));
    return o.withExtra("command", ProcessSummaries.command(r));
  }
}
