package servicerunner.task.sfc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/** System File Checker: {@code sfc /scannow} (or {@code /verifyonly}), verdict parsed from its UTF-16LE text. */
public final class SfcScanTask implements TaskType {

  @Override
  public String id() {
    return "sfc_scan";
  }

  @Override
  public String description() {
    return "Checks protected Windows system files with sfc /scannow (repairs them) or /verifyonly.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.bool("verify_only", "Only verify (sfc /verifyonly); nothing is repaired.").defaultsTo(false),
        ParamSpec.string("executable_path", "Path to sfc.exe (default: sfc from PATH)."));
  }

  /** sfc usually takes 5-30 minutes; peers use 60-90 minute limits (tool-outputs.md section 2). */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(1);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"sfc_scan\"}";
  }

  static List<String> argv(Params p) {
    List<String> argv = new ArrayList<>();
    argv.add(p.optString("executable_path").orElse("sfc"));
    argv.add(p.bool("verify_only") ? "/verifyonly" : "/scannow");
    return argv;
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    // AUTO: the process layer sniffs the NUL pattern, since sfc writes UTF-16LE without BOM even after chcp 65001.
    ProcessResult r = ctx.run(ProcessSpec.of(argv(p)).withEncoding(OutputEncoding.AUTO));
    var problem = ProcessSummaries.problem(r, "sfc");
    if (problem.isPresent()) {
      // a timed-out or unstartable sfc said nothing about the files: the renderer's fields are unknown, not false
      ObjectNode s = problem.get().summary();
      s.put("verdict", "not_completed").putNull("integrity_violations").put("repairs_attempted", false)
          .putNull("repairs_successful");
      s.putObject("human_readable").put("verdict", s.path("error").asText()).putArray("notes");
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    TaskOutcome o = SfcOutputParser.parse(r.stdout().bytes(), r.stderr().bytes(), r.exitCode(), p.bool("verify_only"));
    return o.withExtra("command", ProcessSummaries.command(r));
  }
}
