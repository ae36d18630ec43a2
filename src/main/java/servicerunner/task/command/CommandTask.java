package servicerunner.task.command;

import servicerunner.task.ParamKind;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;

/** Runs any external tool given as an argv array; success is decided by its exit code. */
public final class CommandTask implements TaskType {
  static final int HEAD_CHARS = 1000;

  @Override
  public String id() {
    return "command";
  }

  @Override
  public String description() {
    return "Runs any external program (argv array, never a shell string) and reports its exit code and output.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.stringList("command", "Program and arguments, e.g. [\"smartctl\", \"--scan\"].").required(),
        ParamSpec.string("cwd", "Working folder (default: the runner's)."),
        ParamSpec.of("env", ParamKind.STRING_MAP, "Extra environment variables."),
        ParamSpec.string("stdin", "Text sent to the program's stdin; without it stdin is closed."),
        ParamSpec.of("success_exit_codes", ParamKind.INTEGER_LIST, "Exit codes that count as success.")
            .defaultsTo(Json.array().add(0)),
        ParamSpec.string("encoding", "Output encoding: auto, oem, utf-8, utf-16le or a Java charset name.")
            .defaultsTo("auto"));
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofHours(1);
  }

  @Override
  public String example() {
    return "{\"type\":\"command\",\"command\":[\"echo\",\"hello\"],\"timeout_seconds\":30}";
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    List<String> argv = p.stringList("command");
    if (argv.isEmpty()) {
      return TaskOutcome.failure("command: expected at least the program name");
    }
    OutputEncoding encoding;
    try {
      encoding = OutputEncoding.parse(p.string("encoding"));
    } catch (IllegalArgumentException e) {
      return TaskOutcome.failure("encoding: " + e.getMessage());
    }
    ProcessSpec spec = ProcessSpec.of(argv).withEnv(p.stringMap("env")).withEncoding(encoding);
    if (p.has("cwd")) {
      spec = spec.withCwd(Path.of(p.string("cwd")));
    }
    if (p.has("stdin")) {
      spec = spec.withStdin(p.string("stdin"));
    }
    ProcessResult r = ctx.run(spec);
    var problem = ProcessSummaries.problem(r, argv.get(0));
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
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
    hr.put("summary_line", argv.get(0) + " exited with code " + r.exitCode() + (success ? "" : " (expected " + ok + ")"));
    if (!success) {
      s.put("error", argv.get(0) + " exited with code " + r.exitCode() + ", expected " + (ok.size() == 1 ? ok.get(0) : "one of " + ok));
    }
    return new TaskOutcome(success ? Status.SUCCESS : Status.FAILURE, s, Json.object().set("command", ProcessSummaries.command(r)));
  }
}
