package servicerunner.task.whynotwin11;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolNotFoundException;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.PreparesFiles;
import servicerunner.task.ToolTask;
import servicerunner.task.wintools.ToolPaths;

/** WhyNotWin11: Windows 11 readiness checks from the CSV the tool exports. */
public final class WhyNotWin11CheckTask extends ToolTask implements PreparesFiles {
  private static final String[] EXE_NAMES = {"WhyNotWin11.exe", "WhyNotWin11Portable.exe"};
  static final String DEFAULT_CSV_NAME = "whynotwin11_result.csv";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("whynotwin11_check",
          "Checks Windows 11 readiness (CPU, TPM, Secure Boot, RAM, disk...) with WhyNotWin11 and lists failing checks.")
      .windowsToolRequired("WhyNotWin11.exe, or the folder holding it.")
      .params(
          ParamSpec.string("working_dir", "Working folder for the tool (default: the exe's folder)."),
          ParamSpec.string("output_csv", "Where the CSV is written (default: a new file in the task's scratch folder). "
              + "An existing file there is removed first, so only this run's export is read."))
      .timeout(Duration.ofMinutes(10))
      .example("{\"type\":\"whynotwin11_check\",\"executable_path\":\"..\\\\data\\\\programs\\\\WhyNotWin11\\\\"
          + "WhyNotWin11Portable.exe\"}")
      .verdicts("ready", "not_ready", "unknown")
      .build();

  public WhyNotWin11CheckTask() {
    super(DECLARATION, "WhyNotWin11");
  }

  private static Path csv(Params p, TaskContext ctx) {
    return p.optString("output_csv").map(ToolPaths::absolute).orElseGet(() -> ctx.scratchDir().resolve(DEFAULT_CSV_NAME));
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException, IOException {
    Path exe = ToolPaths.require(p, EXE_NAMES);
    Path csv = csv(p, ctx);
    try {
      // Never pre-create the CSV: the reference's mkstemp file made "CSV found" always true (bug B11).
      Files.deleteIfExists(csv);
      Files.createDirectories(csv.getParent());
    } catch (IOException e) {
      throw ToolPaths.cannotPrepare("output_csv", csv, e);
    }
    Path work = p.optString("working_dir").map(ToolPaths::absolute).orElse(exe.getParent());
    return ProcessSpec.of(exe.toString(), "/export", "CSV", csv.toString(), "/silent").withCwd(work);
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    Path csv = csv(p, ctx);
    byte[] bytes = read(csv);
    if (bytes == null || bytes.length == 0) {
      ObjectNode s = ToolOutcomes.excerpts(Json.object().put("csv_path", csv.toString()), r, ProcessSummaries.EXCERPT);
      return TaskOutcome.failure(s, "failed", "WhyNotWin11 wrote " + (bytes == null ? "no" : "an empty") + " CSV at "
          + csv);
    }
    ObjectNode s = WhyNotWin11CsvParser.parse(bytes);
    boolean recognised = s.remove("recognised").asBoolean();
    s.put("csv_path", csv.toString());
    ToolOutcomes.excerpts(s, r, ProcessSummaries.EXCERPT);
    // A tool that exited non-zero after writing a readable CSV: the checks stand, but not as a clean success.
    boolean exited0 = r.exitCode() == 0;
    Status ok = exited0 ? Status.SUCCESS : Status.WARNING;
    String[] notes = exited0 ? new String[0] : new String[] {"WhyNotWin11 exited with code " + r.exitCode()};
    if (!recognised) {
      return ToolOutcomes.of(Status.WARNING, s, "unknown", "The WhyNotWin11 CSV was not recognised; see raw.", notes);
    }
    ArrayNode failing = (ArrayNode) s.get("failing_checks");
    ArrayNode unknown = (ArrayNode) s.get("unknown_checks");
    if (!failing.isEmpty()) {
      return ToolOutcomes.of(ok, s, "not_ready", "Failing: " + String.join(", ", Json.texts(failing)), notes);
    }
    if (!unknown.isEmpty()) {
      return ToolOutcomes.of(Status.WARNING, s, "unknown", unknown.size() + " checks gave no clear result", notes);
    }
    return ToolOutcomes.of(ok, s, "ready", "All " + s.get("passing_checks").size() + " checks pass", notes);
  }

  private static byte[] read(Path csv) {
    try {
      return Files.isRegularFile(csv) ? Files.readAllBytes(csv) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
