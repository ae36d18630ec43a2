package servicerunner.task.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamKind;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.progress.PatternProgress;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.task.Verdict;

/** Runs any external tool given as an argv array; success is decided by its exit code. */
public final class CommandTask extends ToolTask {
  static final int HEAD_CHARS = 1000;

  /** An empty argv or program name would only fail at launch, after the run started. */
  private static final ParamCheck PROGRAM_FIRST = new ParamCheck("the program name first", v -> v.isEmpty()
      ? "expected at least the program name, got an empty array"
      : v.get(0).asText().isBlank() ? "[0]: expected the program name, got an empty string" : null);

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("command",
          "Runs any external program (argv array, never a shell string) and reports its exit code and output.")
      .params(
          ParamSpec.stringList("command", "Program and arguments, e.g. [\"smartctl\", \"--scan\"].").required()
              .check(PROGRAM_FIRST),
          ParamSpec.string("cwd", "Working folder (default: the runner's)."),
          ParamSpec.of("env", ParamKind.STRING_MAP, "Extra environment variables."),
          ParamSpec.string("stdin", "Text sent to the program's stdin; without it stdin is closed."),
          ParamSpec.of("success_exit_codes", ParamKind.INTEGER_LIST, "Exit codes that count as success.")
              .defaultsTo(Json.array().add(0)),
          ParamSpec.string("encoding", "Output encoding: auto, oem, utf-8, utf-16le or a Java charset name.")
              .defaultsTo("auto").encoding(),
          ParamSpec.of(PatternProgress.PARAM, ParamKind.OBJECT, "Live progress from the output: {\"pattern\":"
              + " \"(\\\\d+)%\"} reads the percent from the regex's one group; with \"total\": N the group counts"
              + " to N; \"unit\" names what it counts.").check(PatternProgress.CHECK))
      .progress(PatternProgress.SOURCE)
      .timeout(Duration.ofHours(1))
      .example("{\"type\":\"command\",\"command\":[\"echo\",\"hello\"],\"timeout_seconds\":30}")
      .verdicts("success")
      .build();

  public CommandTask() {
    super(DECLARATION, "command");
  }

  @Override
  protected String toolName(Params p) {
    return p.stringList("command").get(0);
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    ProcessSpec spec = ProcessSpec.of(p.stringList("command")).withEnv(p.stringMap("env"))
        .withEncoding(OutputEncoding.parse(p.string("encoding")));
    if (p.has("cwd")) {
      spec = spec.withCwd(Path.of(p.string("cwd")));
    }
    return p.has("stdin") ? spec.withStdin(p.string("stdin")) : spec;
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    String program = toolName(p);
    List<Integer> ok = p.integerList("success_exit_codes");
    ObjectNode s = Json.object();
    ProcessSummaries.addProcess(s, r);
    s.put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
    s.put("stdout_head", r.stdout().firstChars(HEAD_CHARS));
    s.put("stderr_head", r.stderr().firstChars(HEAD_CHARS));
    s.put("stdout_bytes", r.stdout().totalBytes());
    s.put("stderr_bytes", r.stderr().totalBytes());
    s.put("output_truncated", r.stdout().truncated() || r.stderr().truncated());
    s.put("encoding", r.stdout().charset().name());
    boolean success = ok.contains(r.exitCode());
    ObjectNode hr = s.putObject("human_readable");
    hr.put("verdict", success ? "success" : "failed");
    hr.put("summary_line", program + " exited with code " + r.exitCode() + (success ? "" : " (expected " + ok + ")"));
    if (success) {
      return TaskOutcome.of(Status.SUCCESS, Verdict.of("success", hr.get("summary_line").asText()), s);
    }
    String error = program + " exited with code " + r.exitCode() + ", expected "
        + (ok.size() == 1 ? ok.get(0) : "one of " + ok);
    s.put("error", error);
    return TaskOutcome.of(Status.FAILURE, Verdict.of("failed", error), s);
  }
}
