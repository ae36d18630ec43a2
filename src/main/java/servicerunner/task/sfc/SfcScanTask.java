package servicerunner.task.sfc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.progress.SfcProgress;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;

/** System File Checker: {@code sfc /scannow} (or {@code /verifyonly}), verdict parsed from its UTF-16LE text. */
public final class SfcScanTask extends ToolTask {

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("sfc_scan",
          "Checks protected Windows system files with sfc /scannow (repairs them) or /verifyonly.")
      .params(ParamSpec.bool("verify_only", "Only verify (sfc /verifyonly); nothing is repaired.").defaultsTo(false))
      .windowsTool("Path to sfc.exe (default: sfc from PATH).")
      // sfc usually takes 5-30 minutes; peers use 60-90 minute limits (tool-outputs.md section 2)
      .timeout(Duration.ofHours(1))
      .verdicts(Arrays.stream(SfcVerdict.values()).map(v -> v.id).toArray(String[]::new))
      .resources("servicing").systemDisk()
      .progress(SfcProgress.SOURCE)
      .build();

  public SfcScanTask() {
    super(DECLARATION, "sfc");
  }

  @Override
  protected List<String> argv(Params p) {
    return List.of(p.optString("executable_path").orElse("sfc"), p.bool("verify_only") ? "/verifyonly" : "/scannow");
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    // AUTO: the process layer sniffs the NUL pattern, since sfc writes UTF-16LE without BOM even after chcp 65001.
    return ProcessSpec.of(argv(p)).withEncoding(OutputEncoding.AUTO);
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    return SfcOutputParser.parse(r.stdout().bytes(), r.stderr().bytes(), r.exitCode(), p.bool("verify_only"));
  }

  /** A timed-out or unstartable sfc said nothing about the files: the renderer's fields are unknown, not false. */
  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.put("verdict", "not_completed").putNull("integrity_violations").put("repairs_attempted", false)
        .putNull("repairs_successful");
  }
}
