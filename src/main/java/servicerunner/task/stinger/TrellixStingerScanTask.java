package servicerunner.task.stinger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import servicerunner.exec.Decoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.exec.Termination;
import servicerunner.io.FreshFiles;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolNotFoundException;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.PreparesFiles;
import servicerunner.task.ToolTask;
import servicerunner.task.wintools.ToolPaths;

/** Trellix (McAfee) Stinger: a silent smart or folder scan, results from the HTML report this run wrote. */
public final class TrellixStingerScanTask extends ToolTask implements PreparesFiles {
  private static final String[] EXE_NAMES = {"stinger64.exe", "stinger32.exe", "stinger.exe"};
  static final String REPORT_GLOB = "Stinger_*.html";
  static final int EXCERPT = 1200;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("trellix_stinger_scan",
          "Scans for prevalent malware with Trellix Stinger and reports infections from its HTML report.")
      .windowsToolRequired("stinger64.exe, or the folder holding it.")
      .params(
          ParamSpec.string("action", "What to do with detections.").oneOf("delete", "report").defaultsTo("delete"),
          ParamSpec.bool("include_pups", "Also detect potentially unwanted programs (--PROGRAM).").defaultsTo(false),
          ParamSpec.string("logs_dir", "Folder for the HTML report (--REPORTPATH); default the exe's folder."),
          ParamSpec.string("scan_path", "Scan only this existing folder instead of Stinger's smart scan."),
          ParamSpec.bool("scan_subdirectories", "With scan_path: include subfolders (else --NOSUB).").defaultsTo(true),
          ParamSpec.integer("timeout_minutes", "Stop Stinger (whole process tree) after this many minutes.")
              .defaultsTo(30).range(1.0, 1440.0),
          ParamSpec.stringList("additional_args", "Extra arguments appended as given."))
      // Only an outer cap: Stinger's own limit is timeout_minutes (default 30, the limit AutoService added after
      // hangs), applied to the process; a plan's timeout_seconds still caps both.
      .timeout(Duration.ofMinutes(1440 + 5))
      .example("{\"type\":\"trellix_stinger_scan\",\"executable_path\":\"..\\\\data\\\\programs\\\\Stinger\\\\"
          + "stinger64.exe\",\"action\":\"report\",\"include_pups\":true}")
      .verdicts("clean", "infections_removed", "infections_found", "unknown")
      .diskOf("scan_path")
      .build();

  public TrellixStingerScanTask() {
    super(DECLARATION, "Stinger");
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

  /** The plan's logs_dir, else the exe's folder; null when neither is known (the exe was not found). */
  private static Path logsDir(Params p) {
    return p.optString("logs_dir").map(ToolPaths::absolute).orElseGet(() -> ToolPaths.executable(
        p.string("executable_path"), EXE_NAMES).map(Path::getParent).orElse(null));
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException, IOException {
    Path exe = ToolPaths.require(p, EXE_NAMES);
    if (p.has("scan_path") && !Files.isDirectory(Path.of(p.string("scan_path")))) {
      throw new ToolNotFoundException("scan_path: " + p.string("scan_path") + " is not an existing folder");
    }
    Path logsDir = logsDir(p);
    try {
      Files.createDirectories(logsDir);
      // A Stinger.opt left by an earlier GUI run overrides the command line (AutoService removes it for that reason).
      Files.deleteIfExists(exe.getParent().resolve("Stinger.opt"));
    } catch (IOException e) {
      throw ToolPaths.cannotPrepare("logs_dir", logsDir, e);
    }
    return ToolPaths.inToolFolder(exe, arguments(p, logsDir)).withTimeout(toolTimeout(p));
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    ObjectNode s = Json.object();
    s.set("intent", intent(p));
    // Only a report written by this run counts (B17).
    Optional<Path> report = FreshFiles.writtenDuring(logsDir(p), REPORT_GLOB, r.duration());
    String text = report.flatMap(TrellixStingerScanTask::read).orElse(null);
    boolean recognised = false;
    if (text != null) {
      ObjectNode parsed = StingerReportParser.parse(text);
      recognised = parsed.remove("recognised").asBoolean();
      s.setAll(parsed);
      s.put("log_file", report.get().toString());
    } else {
      s.putNull("log_file");
    }
    ToolOutcomes.excerpts(s, r, EXCERPT);
    s.put("timed_out", false);
    s.put("scan_duration_seconds", Json.round(r.duration().toNanos() / 1e9, 1));
    TaskOutcome o = outcome(s, r, p, text, recognised);
    return text == null ? o : o.withExtra("log_file", TextNode.valueOf(report.get().toString()));
  }

  private static TaskOutcome outcome(ObjectNode s, ProcessResult r, Params p, String report, boolean recognised) {
    if (r.exitCode() != 0) {
      s.put("error_hint", "Run Stinger by hand once to see its message; it needs administrator rights.");
      return ToolOutcomes.exitedWith(s, "Stinger", r);
    }
    if (report == null) {
      return TaskOutcome.failure(s, "failed", "Stinger wrote no report (" + REPORT_GLOB + ") in " + logsDir(p)
          + " during this run");
    }
    if (!recognised) {
      return ToolOutcomes.unrecognised(s, "The Stinger report was not recognised (language or version); see raw_tail.",
          StingerReportParser.toText(report));
    }
    long infected = s.path("infected_files").asLong(0);
    boolean delete = p.string("action").equals("delete");
    return ToolOutcomes.of(Status.SUCCESS, s,
        infected == 0 ? "clean" : delete ? "infections_removed" : "infections_found",
        s.path("total_files").asLong() + " files scanned, " + infected + " possibly infected");
  }

  /** After a timeout the partial report is still worth keeping, with a hint about the tool's own limit. */
  @Override
  protected TaskOutcome unfinished(ProcessResult r, Params p) {
    TaskOutcome o = super.unfinished(r, p);
    ObjectNode s = o.summary();
    if (r.termination() == Termination.TIMEOUT || r.termination() == Termination.IDLE_TIMEOUT) {
      s.put("error_hint", "Stinger ran longer than allowed; raise timeout_minutes or scan a smaller scan_path.");
    }
    Optional<Path> report = FreshFiles.writtenDuring(logsDir(p), REPORT_GLOB, r.duration());
    report.flatMap(TrellixStingerScanTask::read).ifPresent(text -> {
      ObjectNode parsed = StingerReportParser.parse(text);
      parsed.remove("recognised");
      s.set("partial_report", parsed);
      s.put("log_file", report.get().toString());
    });
    return o;
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.set("intent", intent(p));
  }

  private static Optional<String> read(Path report) {
    try {
      return Optional.of(Decoding.decodeAuto(Files.readAllBytes(report)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode intent(Params p) {
    ObjectNode i = Json.object();
    i.put("action", p.string("action"));
    i.put("silent", true);
    Path logsDir = logsDir(p);
    i.put("logs_dir", logsDir == null ? null : logsDir.toString());
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
      i.set("additional_args", Json.valueToTree(p.stringList("additional_args")));
    }
    return i;
  }
}
