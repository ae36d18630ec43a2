package servicerunner.task.whynotwin11;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import servicerunner.task.wintools.HumanReadable;
import servicerunner.task.wintools.Text;
import servicerunner.task.wintools.ToolPaths;

/** WhyNotWin11: Windows 11 readiness checks from the CSV the tool exports. */
public final class WhyNotWin11CheckTask implements TaskType {
  private static final String[] EXE_NAMES = {"WhyNotWin11.exe", "WhyNotWin11Portable.exe"};
  static final String DEFAULT_CSV_NAME = "whynotwin11_result.csv";

  @Override
  public String id() {
    return "whynotwin11_check";
  }

  @Override
  public String description() {
    return "Checks Windows 11 readiness (CPU, TPM, Secure Boot, RAM, disk...) with WhyNotWin11 and lists failing checks.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("executable_path", "WhyNotWin11.exe, or the folder holding it.").required(),
        ParamSpec.string("working_dir", "Working folder for the tool (default: the exe's folder)."),
        ParamSpec.string("output_csv", "Where the CSV is written (default: a new file in the task's scratch folder). "
            + "An existing file there is removed first, so only this run's export is read."));
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(10);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"whynotwin11_check\",\"executable_path\":\"..\\\\data\\\\programs\\\\WhyNotWin11\\\\WhyNotWin11Portable.exe\"}";
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    return HumanReadable.ensure(runTool(ctx));
  }

  private TaskOutcome runTool(TaskContext ctx) {
    Params p = ctx.params();
    Optional<Path> exe = ToolPaths.executable(p.string("executable_path"), EXE_NAMES);
    if (exe.isEmpty()) {
      return TaskOutcome.failure(ToolPaths.notFound(p.string("executable_path"), EXE_NAMES));
    }
    Path work = p.optString("working_dir").map(ToolPaths::absolute).orElse(exe.get().getParent());
    Path csv = p.optString("output_csv").map(ToolPaths::absolute).orElseGet(() -> ctx.scratchDir().resolve(DEFAULT_CSV_NAME));
    try {
      // Never pre-create the CSV: the reference's mkstemp file made "CSV found" always true (bug B11).
      Files.deleteIfExists(csv);
      Files.createDirectories(csv.getParent());
    } catch (IOException e) {
      return TaskOutcome.failure("output_csv: cannot prepare " + csv + ": " + e.getMessage());
    }
    List<String> argv = new ArrayList<>(List.of(exe.get().toString(), "/export", "CSV", csv.toString(), "/silent"));
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withCwd(work));
    ObjectNode extras = Json.object().set("command", ProcessSummaries.command(r));
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "WhyNotWin11");
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    byte[] bytes = null;
    try {
      if (Files.isRegularFile(csv)) {
        bytes = Files.readAllBytes(csv);
      }
    } catch (IOException e) {
      bytes = null;
    }
    if (bytes == null || bytes.length == 0) {
      ObjectNode s = Json.object();
      s.put("error", bytes == null ? "WhyNotWin11 wrote no CSV at " + csv : "WhyNotWin11 wrote an empty CSV at " + csv);
      s.put("csv_path", csv.toString());
      s.put("exit_code", r.exitCode());
      s.put("stdout_excerpt", r.stdout().lastChars(ProcessSummaries.EXCERPT));
      s.put("stderr_excerpt", r.stderr().lastChars(ProcessSummaries.EXCERPT));
      return new TaskOutcome(Status.FAILURE, s, extras);
    }
    ObjectNode s = WhyNotWin11CsvParser.parse(bytes);
    boolean recognised = s.remove("recognised").asBoolean();
    s.put("csv_path", csv.toString());
    s.put("exit_code", r.exitCode());
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), ProcessSummaries.EXCERPT));
    ObjectNode hr = s.putObject("human_readable");
    ArrayNode notes = hr.putArray("notes");
    Status status;
    ArrayNode failing = (ArrayNode) s.get("failing_checks");
    ArrayNode unknown = (ArrayNode) s.get("unknown_checks");
    if (!recognised) {
      status = Status.WARNING;
      hr.put("verdict", "unknown");
      notes.add("The WhyNotWin11 CSV was not recognised; see raw.");
    } else if (!failing.isEmpty()) {
      status = Status.SUCCESS;
      hr.put("verdict", "not_ready");
      List<String> names = new ArrayList<>();
      failing.forEach(n -> names.add(n.asText()));
      notes.add("Failing: " + String.join(", ", names));
    } else if (!unknown.isEmpty()) {
      status = Status.WARNING;
      hr.put("verdict", "unknown");
      notes.add(unknown.size() + " checks gave no clear result");
    } else {
      status = Status.SUCCESS;
      hr.put("verdict", "ready");
      notes.add("All " + s.get("passing_checks").size() + " checks pass");
    }
    if (r.exitCode() != 0) {
      notes.add("WhyNotWin11 exited with code " + r.exitCode());
      if (status == Status.SUCCESS) {
        status = Status.WARNING;
      }
    }
    return new TaskOutcome(status, s, extras);
  }
}
