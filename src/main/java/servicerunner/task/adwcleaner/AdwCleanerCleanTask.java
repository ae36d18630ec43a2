package servicerunner.task.adwcleaner;

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
import servicerunner.io.FreshFiles;
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
import servicerunner.text.Text;

/** Malwarebytes AdwCleaner: adware/PUP clean (or scan) and the findings from the log this run wrote. */
public final class AdwCleanerCleanTask extends ToolTask implements PreparesFiles {
  private static final String[] EXE_NAMES = {"adwcleaner.exe", "AdwCleaner.exe"};
  static final String LOG_GLOB = "AdwCleaner*.txt";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("adwcleaner_clean",
          "Removes adware and unwanted programs with Malwarebytes AdwCleaner and lists what it cleaned.")
      .windowsToolRequired("adwcleaner.exe, or the folder holding it.")
      .params(
          ParamSpec.string("working_path", "Folder for AdwCleaner's data and logs (/path); relative paths resolve "
              + "against the runner's working folder.").required(),
          ParamSpec.bool("clean_preinstalled", "Also remove preinstalled software (/preinstalled).").defaultsTo(false),
          ParamSpec.bool("scan_only", "Only scan (/scan) instead of cleaning (/clean).").defaultsTo(false))
      .timeout(Duration.ofHours(1))
      .example("{\"type\":\"adwcleaner_clean\",\"executable_path\":\"..\\\\data\\\\programs\\\\AdwCleaner\\\\"
          + "adwcleaner.exe\",\"working_path\":\"..\\\\data\\\\logs\",\"clean_preinstalled\":false}")
      .verdicts("clean", "cleaned", "cleaned_with_failures", "unknown")
      .systemDisk()
      .build();

  public AdwCleanerCleanTask() {
    super(DECLARATION, "AdwCleaner");
  }

  static List<String> arguments(Params p, Path workingPath) {
    List<String> a = new ArrayList<>(List.of("/eula", p.flag("scan_only") ? "/scan" : "/clean", "/noreboot", "/path",
        workingPath.toString()));
    if (p.flag("clean_preinstalled")) {
      a.add("/preinstalled");
    }
    return a;
  }

  /** The app sends "..\data\logs": resolved here, against the runner's cwd, and reported absolute (B24). */
  private static Path workingPath(Params p) {
    return ToolPaths.absolute(p.string("working_path"));
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException, IOException {
    Path exe = ToolPaths.require(p, EXE_NAMES);
    Path work = workingPath(p);
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw ToolPaths.cannotPrepare("working_path", work, e);
    }
    return ToolPaths.inToolFolder(exe, arguments(p, work));
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    Path work = workingPath(p);
    Path logDir = work.resolve("AdwCleaner").resolve("Logs");
    ObjectNode failed = ToolOutcomes.excerpts(Json.object(), r, ProcessSummaries.EXCERPT);
    if (r.exitCode() != 0) {
      failed.put("details", Text.tail(r.stderr().text() + r.stdout().text(), ProcessSummaries.EXCERPT));
      return ToolOutcomes.exitedWith(failed, "AdwCleaner", r);
    }
    // Only a log written by this run counts: an older one would report an earlier clean as today's (B17).
    Optional<Path> log = FreshFiles.writtenDuring(logDir, LOG_GLOB, r.duration());
    if (log.isEmpty()) {
      return TaskOutcome.failure(failed, "failed", "AdwCleaner wrote no log in " + logDir + " during this run");
    }
    String text;
    try {
      text = Decoding.decodeAuto(Files.readAllBytes(log.get()));
    } catch (IOException e) {
      return TaskOutcome.failure(failed, "failed", "cannot read " + log.get() + ": " + e.getMessage());
    }
    ObjectNode s = AdwCleanerLogParser.parse(text);
    boolean recognised = s.remove("recognised").asBoolean();
    s.put("log_file", log.get().toString());
    s.put("working_path", work.toString());
    s.put("exit_code", r.exitCode());
    return outcome(s, recognised, text).withExtra("log_file", TextNode.valueOf(log.get().toString()));
  }

  private static TaskOutcome outcome(ObjectNode s, boolean recognised, String log) {
    int cleaned = s.get("cleaned").asInt();
    int failed = s.get("failed").asInt();
    if (!recognised) {
      return ToolOutcomes.unrecognised(s, "The AdwCleaner log was not recognised (language or version); see raw_tail.",
          log);
    }
    if (failed > 0) {
      return ToolOutcomes.of(Status.WARNING, s, "cleaned_with_failures",
          cleaned + " items cleaned, " + failed + " could not be removed");
    }
    return ToolOutcomes.of(Status.SUCCESS, s, cleaned == 0 ? "clean" : "cleaned", cleaned + " items cleaned");
  }
}
