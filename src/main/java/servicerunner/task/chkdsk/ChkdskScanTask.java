package servicerunner.task.chkdsk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

/** chkdsk in read-only, fix (/f) or comprehensive (/f /r) mode on one drive letter. */
public final class ChkdskScanTask implements TaskType {
  private static final Pattern DRIVE = Pattern.compile("^\\s*([A-Za-z])(?::\\\\?)?\\s*$");

  /**
   * The answer to "schedule this volume ... (Y/N)". Without schedule_if_busy stdin is closed instead, so the prompt
   * reads EOF and chkdsk ends rather than waiting forever (the reference passed DEVNULL for the same reason).
   */
  static final String SCHEDULE_ANSWER = "Y\r\n";

  @Override
  public String id() {
    return "chkdsk_scan";
  }

  @Override
  public String description() {
    return "Checks a drive's file system with chkdsk: read_only, fix_errors (/f) or comprehensive (/f /r).";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("drive", "Drive letter, e.g. C: (C, c: and C:\\ are accepted).").defaultsTo("C:"),
        ParamSpec.string("mode", "read_only, fix_errors (/f) or comprehensive (/f /r).")
            .oneOf("read_only", "fix_errors", "comprehensive").defaultsTo("read_only"),
        ParamSpec.bool("schedule_if_busy", "Answer Y when the volume is in use, scheduling the check for the next "
            + "restart (or dismounting a non-system volume).").defaultsTo(false),
        ParamSpec.string("encoding", "Output encoding: oem (the console code page), utf-8 or a Java charset name.")
            .defaultsTo("oem"),
        ParamSpec.string("executable_path", "Path to chkdsk.exe (default: chkdsk from PATH)."));
  }

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
    return "{\"type\":\"chkdsk_scan\",\"drive\":\"C:\",\"mode\":\"read_only\"}";
  }

  static Optional<String> normaliseDrive(String s) {
    Matcher m = DRIVE.matcher(s);
    return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT) + ":") : Optional.empty();
  }

  @Override
  public List<String> checkParams(Params p, UnaryOperator<String> path) {
    List<String> errors = new ArrayList<>();
    if (normaliseDrive(p.string("drive")).isEmpty()) {
      errors.add(path.apply("drive") + ": expected a drive letter such as \"C:\", got \"" + p.string("drive") + "\"");
    }
    try {
      OutputEncoding.parse(p.string("encoding"));
    } catch (IllegalArgumentException e) {
      errors.add(path.apply("encoding") + ": " + e.getMessage());
    }
    return errors;
  }

  static List<String> argv(String exe, String drive, String mode) {
    List<String> argv = new ArrayList<>(List.of(exe, drive));
    if (!"read_only".equals(mode)) {
      argv.add("/f");
    }
    if ("comprehensive".equals(mode)) {
      argv.add("/r");
    }
    return argv;
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    List<String> problems = checkParams(p, n -> n);
    if (!problems.isEmpty()) {
      return TaskOutcome.failure(String.join("; ", problems));
    }
    String drive = normaliseDrive(p.string("drive")).orElseThrow();
    String mode = p.string("mode");
    boolean schedule = p.bool("schedule_if_busy");
    ProcessSpec spec = ProcessSpec.of(argv(p.optString("executable_path").orElse("chkdsk"), drive, mode))
        .withEncoding(OutputEncoding.parse(p.string("encoding")))
        .withStdin(schedule ? SCHEDULE_ANSWER : null);
    ProcessResult r = ctx.run(spec);
    var problem = ProcessSummaries.problem(r, "chkdsk");
    if (problem.isPresent()) {
      problem.get().summary().put("drive", drive).put("mode", mode).put("verdict", "not_completed");
      problem.get().summary().putObject("human_readable").put("verdict", problem.get().summary().path("error").asText())
          .putArray("notes");
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    byte[] out = r.stdout().bytes();
    if (r.stderr().totalBytes() > 0) {
      byte[] err = r.stderr().bytes();
      byte[] both = new byte[out.length + 1 + err.length];
      System.arraycopy(out, 0, both, 0, out.length);
      both[out.length] = '\n';
      System.arraycopy(err, 0, both, out.length + 1, err.length);
      out = both;
    }
    TaskOutcome o = ChkdskOutputParser.parse(out, r.stdout().charset(), r.exitCode(),
        new ChkdskOutputParser.Request(drive, mode, schedule));
    if (o.summary().path("duration_seconds").isNull()) {
      o.summary().put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
    }
    // the renderer turns a null size into "0 B" (Number(null)); left out it shows "-"
    UnknownFigures.omitNulls(o.summary(), "total_disk_kb", "in_files_kb", "in_indexes_kb", "bad_sectors_kb",
        "system_use_kb", "log_file_kb", "available_kb");
    return o.withExtra("command", ProcessSummaries.command(r));
  }
}
