package servicerunner.task.winsat;

import servicerunner.progress.WinsatProgress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.figures.UnknownFigures;

/** WinSAT storage assessment ({@code winsat disk}) on one drive: throughput, latency and WEI sub-scores. */
public final class WinsatDiskTask extends ToolTask {
  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("winsat_disk",
          "Measures a drive's read/write throughput and latency with winsat disk.")
      .params(
          ParamSpec.string("drive", "Drive letter, e.g. C:.").defaultsTo("C:").check(ParamCheck.drive()),
          ParamSpec.string("test_mode", "full, random_read, sequential_read, sequential_write or flush.")
              .oneOf("full", "random_read", "sequential_read", "sequential_write", "flush").defaultsTo("full"))
      .windowsTool("Path to winsat.exe (default: winsat from PATH).")
      // a full run takes 15-120 s on real disks; the reference had no limit at all
      .timeout(Duration.ofMinutes(15))
      .example("{\"type\":\"winsat_disk\",\"drive\":\"C:\",\"test_mode\":\"full\"}")
      .verdicts(WinsatOutputParser.RATINGS.toArray(new String[0]))
      .exclusive().diskOf("drive")
      .progress(WinsatProgress.SOURCE)
      .build();

  public WinsatDiskTask() {
    super(DECLARATION, "winsat");
  }

  /**
   * Protocol 7.1 argv. Flush mode passes {@code -flush}: the reference ran {@code winsat disk flush} (bug B22);
   * Microsoft's winsat disk parameter table names the flag {@code -flush}, and real full runs log
   * "Storage Assessment '-drive c -flush -seq'".
   */
  static List<String> argv(String exe, String letter, String mode) {
    List<String> argv = new ArrayList<>(List.of(exe, "disk"));
    switch (mode) {
      case "random_read" -> argv.addAll(List.of("-ran", "-read"));
      case "sequential_read" -> argv.addAll(List.of("-seq", "-read"));
      case "sequential_write" -> argv.addAll(List.of("-seq", "-write"));
      case "flush" -> argv.add("-flush");
      default -> { }
    }
    argv.addAll(List.of("-drive", letter));
    return argv;
  }

  /** "C:"; a lone drive letter is declared and checked at plan time. */
  private static String drive(Params p) {
    return ParamCheck.driveLetter(p.string("drive")).orElseThrow();
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    return ProcessSpec.of(argv(p.optString("executable_path").orElse("winsat"),
        drive(p).substring(0, 1).toLowerCase(Locale.ROOT), p.string("test_mode")))
        .withEncoding(OutputEncoding.parse("oem"));
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    TaskOutcome o = WinsatOutputParser.parse(r.stdout().bytes(), r.stdout().charset(), r.exitCode(),
        new WinsatOutputParser.Request(drive(p), p.string("test_mode")));
    if (o.summary().path("duration_seconds").isNull()) {
      o.summary().put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
    }
    // the renderer's chart turns a null throughput into a 0 MB/s bar (Number(null)); left out it is not drawn
    UnknownFigures.omitNulls((ObjectNode) o.summary().get("results"));
    o.summary().put("stdout_excerpt", r.stdout().firstChars(2000));
    o.summary().put("stderr_excerpt", r.stderr().firstChars(1000));
    return o;
  }

  /** The renderer shows the score; a winsat that did not finish measured nothing. */
  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.put("drive", drive(p)).put("test_mode", p.string("test_mode"));
    s.putObject("human_readable").putNull("score");
  }
}
