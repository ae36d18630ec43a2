package servicerunner.task.stinger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import servicerunner.exec.Decoding;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.exec.Termination;
import servicerunner.json.Json;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;
import servicerunner.task.wintools.HumanReadable;
import servicerunner.task.wintools.FreshFiles;
import servicerunner.task.wintools.Text;
import servicerunner.task.wintools.ToolPaths;

/** Trellix (McAfee) Stinger: a silent smart or folder scan, results from the HTML report this run wrote. */
public final class TrellixStingerScanTask implements TaskType {
  private static final String[] EXE_NAMES = {"stinger64.exe", "stinger32.exe", "stinger.exe"};
  static final String REPORT_GLOB = "Stinger_*.html";
  static final int EXCERPT = 1200;

  @Override
  public String id() {
    return "trellix_stinger_scan";
  }

  @Override
  public String description() {
    return "Scans for prevalent malware with Trellix Stinger and reports infections from its HTML report.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("executable_path", "stinger64.exe, or the folder holding it.").required(),
        ParamSpec.string("action", "What to do with detections.").oneOf("delete", "report").defaultsTo("delete"),
        ParamSpec.bool("include_pups", "Also detect potentially unwanted programs (--PROGRAM).").defaultsTo(false),
        ParamSpec.string("logs_dir", "Folder for the HTML report (--REPORTPATH); default the exe's folder."),
        ParamSpec.string("scan_path", "Scan only this existing folder instead of Stinger's smart scan."),
        ParamSpec.bool("scan_subdirectories", "With scan_path: include subfolders (else --NOSUB).").defaultsTo(true),
        ParamSpec.integer("timeout_minutes", "Stop Stinger (whole process tree) after this many minutes.")
            .defaultsTo(30).range(1.0, 1440.0),
        ParamSpec.stringList("additional_args", "Extra arguments appended as given."));
  }

  /**
   * Only an outer cap: Stinger's own limit is {@code timeout_minutes} (default 30, the limit AutoService added after
   * hangs), applied to the process; a plan's timeout_seconds still caps both.
   */
  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(1440 + 5);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"trellix_stinger_scan\",\"executable_path\":\"..\\\\data\\\\programs\\\\Stinger\\\\stinger64.exe\","
        + "\"action\":\"report\",\"include_pups\":true}";
  }

  static Duration toolTimeout(Params p) {
    return Duration.ofMinutes(p.integer("timeout_minutes"));
  }

  static List<String> arguments(Params p, Path logsDir) {
    List<String> a = new ArrayList<>(List.of("--GO", "--SILENT", "--REPORTPATH=" + logsDir));
    if (p.has("scan_path")) {
      a.add("--SCANPATH=" + p.string("scan_path"));
      a.addAll(List.of("--NOBOOT", "--NOPROCESS", "--NOREGISTRY", "--NOROOTKIT", "--NOWMI"));
      if (!p.flag("scan_subdirectories")) {
        a.add("--NOSUB");
      }
    }
    a.add(p.string("action").equals("delete") ? "--DELETE" : "--REPORTONLY");
    if (p.flag("include_pups")) {
      a.add("--PROGRAM");
    }
    a.addAll(p.stringList("additional_args"));
    return a;
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
    if (p.has("scan_path") && !Files.isDirectory(Path.of(p.string("scan_path")))) {
      return TaskOutcome.failure("scan_path: " + p.string("scan_path") + " is not an existing folder");
    }
    Path exeDir = exe.get().getParent();
    Path logsDir = p.optString("logs_dir").map(ToolPaths::absolute).orElse(exeDir);
    try {
      Files.createDirectories(logsDir);
      // A Stinger.opt left by an earlier GUI run overrides the command line (AutoService removes it for that reason).
      Files.deleteIfExists(exeDir.resolve("Stinger.opt"));
    } catch (IOException e) {
      return TaskOutcome.failure("logs_dir: cannot prepare " + logsDir + ": " + e.getMessage());
    }
    ObjectNode intent = intent(p, logsDir);
    List<String> argv = new ArrayList<>();
    argv.add(exe.get().toString());
    argv.addAll(arguments(p, logsDir));
    Instant started = Instant.now();
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withCwd(exeDir).withTimeout(toolTimeout(p)));
    ObjectNode extras = Json.object().set("command", ProcessSummaries.command(r));
    // Only a report written by this run counts (B17); after a timeout a partial report is still worth keeping.
    Optional<Path> report = FreshFiles.newestSince(logsDir, REPORT_GLOB, started);
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "Stinger");
    if (problem.isPresent()) {
      ObjectNode s = problem.get().summary();
      s.set("intent", intent);
      if (r.termination() == Termination.TIMEOUT || r.termination() == Termination.IDLE_TIMEOUT) {
        s.put("error_hint", "Stinger ran longer than allowed; raise timeout_minutes or scan a smaller scan_path.");
      }
      report.flatMap(TrellixStingerScanTask::read).ifPresent(text -> {
        ObjectNode parsed = StingerReportParser.parse(text);
        parsed.remove("recognised");
        s.set("partial_report", parsed);
        s.put("log_file", report.get().toString());
      });
      extras.setAll(problem.get().extras());
      return new TaskOutcome(Status.FAILURE, s, extras);
    }
    ObjectNode s = Json.object();
    s.set("intent", intent);
    String text = report.flatMap(TrellixStingerScanTask::read).orElse(null);
    boolean recognised = false;
    if (text != null) {
      ObjectNode parsed = StingerReportParser.parse(text);
      recognised = parsed.remove("recognised").asBoolean();
      s.setAll(parsed);
      s.put("log_file", report.get().toString());
      extras.put("log_file", report.get().toString());
    } else {
      s.putNull("log_file");
    }
    s.put("exit_code", r.exitCode());
    s.put("stdout_excerpt", Text.tail(r.stdout().text(), EXCERPT));
    s.put("stderr_excerpt", Text.tail(r.stderr().text(), EXCERPT));
    s.put("timed_out", false);
    s.put("scan_duration_seconds", Json.round(r.duration().toNanos() / 1e9, 1));
    ObjectNode hr = s.putObject("human_readable");
    ArrayNode notes = hr.putArray("notes");
    Status status;
    if (r.exitCode() != 0) {
      status = Status.FAILURE;
      hr.put("verdict", "failed");
      s.put("error", "Stinger exited with code " + r.exitCode());
      s.put("error_hint", "Run Stinger by hand once to see its message; it needs administrator rights.");
    } else if (text == null) {
      status = Status.FAILURE;
      hr.put("verdict", "failed");
      s.put("error", "Stinger wrote no report (" + REPORT_GLOB + ") in " + logsDir + " during this run");
    } else if (!recognised) {
      status = Status.WARNING;
      hr.put("verdict", "unknown");
      notes.add("The Stinger report was not recognised (language or version); see raw_tail.");
      s.put("raw_tail", Text.tail(StingerReportParser.toText(text), ProcessSummaries.EXCERPT));
    } else {
      status = Status.SUCCESS;
      long infected = s.path("infected_files").asLong(0);
      boolean delete = p.string("action").equals("delete");
      hr.put("verdict", infected == 0 ? "clean" : delete ? "infections_removed" : "infections_found");
      notes.add(s.path("total_files").asLong() + " files scanned, " + infected + " possibly infected");
    }
    return new TaskOutcome(status, s, extras);
  }

  private static Optional<String> read(Path report) {
    try {
      return Optional.of(Decoding.decodeAuto(Files.readAllBytes(report)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode intent(Params p, Path logsDir) {
    ObjectNode i = Json.object();
    i.put("action", p.string("action"));
    i.put("silent", true);
    i.put("logs_dir", logsDir.toString());
    if (p.has("scan_path")) {
      i.put("scan_path", p.string("scan_path"));
      i.put("scan_scope", "folder");
      i.put("folder_scan_only", true);
      i.put("scan_subdirectories", p.flag("scan_subdirectories"));
    } else {
      i.putNull("scan_path");
      i.put("scan_scope", "smart_scan");
    }
    i.put("include_pups", p.flag("include_pups"));
    i.put("timeout_minutes", p.integer("timeout_minutes"));
    if (!p.stringList("additional_args").isEmpty()) {
      ArrayNode a = i.putArray("additional_args");
      p.stringList("additional_args").forEach(a::add);
    }
    return i;
  }
}
