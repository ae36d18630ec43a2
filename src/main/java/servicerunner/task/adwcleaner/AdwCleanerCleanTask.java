package servicerunner.task.adwcleaner;

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

/** Malwarebytes AdwCleaner: adware/PUP clean (or scan) and the findings from the log this run wrote. */
public final class AdwCleanerCleanTask implements TaskType {
  private static final String[] EXE_NAMES = {"adwcleaner.exe", "AdwCleaner.exe"};
  static final String LOG_GLOB = "AdwCleaner*.txt";

  @Override
  public String id() {
    return "adwcleaner_clean";
  }

  @Override
  public String description() {
    return "Removes adware and unwanted programs with Malwarebytes AdwCleaner and lists what it cleaned.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.string("executable_path", "adwcleaner.exe, or the folder holding it.").required(),
        ParamSpec.string("working_path", "Folder for AdwCleaner's data and logs (/path); relative paths resolve "
            + "against the runner's working folder.").required(),
        ParamSpec.bool("clean_preinstalled", "Also remove preinstalled software (/preinstalled).").defaultsTo(false),
        ParamSpec.bool("scan_only", "Only scan (/scan) instead of cleaning (/clean).").defaultsTo(false));
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
    return "{\"type\":\"adwcleaner_clean\",\"executable_path\":\"..\\\\data\\\\programs\\\\AdwCleaner\\\\adwcleaner.exe\","
        + "\"working_path\":\"..\\\\data\\\\logs\",\"clean_preinstalled\":false}";
  }

  static List<String> arguments(Params p, Path workingPath) {
    List<String> a = new ArrayList<>(List.of("/eula", p.flag("scan_only") ? "/scan" : "/clean", "/noreboot", "/path",
        workingPath.toString()));
    if (p.flag("clean_preinstalled")) {
      a.add("/preinstalled");
    }
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
    // The app sends "..\data\logs": resolve it here, against the runner's cwd, and report the absolute path (B24).
    Path work = ToolPaths.absolute(p.string("working_path"));
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      return TaskOutcome.failure("working_path: cannot create " + work + ": " + e.getMessage());
    }
    Instant started = Instant.now();
    ProcessResult r = ctx.run(ToolPaths.inToolFolder(exe.get(), arguments(p, work)));
    Optional<TaskOutcome> problem = ProcessSummaries.problem(r, "AdwCleaner");
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    Path logDir = work.resolve("AdwCleaner").resolve("Logs");
    ObjectNode extras = Json.object().set("command", ProcessSummaries.command(r));
    if (r.exitCode() != 0) {
      ObjectNode s = failureSummary(r, "AdwCleaner exited with code " + r.exitCode());
      s.put("details", Text.tail(r.stderr().text() + r.stdout().text(), ProcessSummaries.EXCERPT));
      return new TaskOutcome(Status.FAILURE, s, extras);
    }
    // Only a log written by this run counts: an older one would report an earlier clean as today's (B17).
    Optional<Path> log = FreshFiles.newestSince(logDir, LOG_GLOB, started);
    if (log.isEmpty()) {
      ObjectNode s = failureSummary(r, "AdwCleaner wrote no log in " + logDir + " during this run");
      return new TaskOutcome(Status.FAILURE, s, extras);
    }
    String text;
    try {
      text = Decoding.decodeAuto(Files.readAllBytes(log.get()));
    } catch (IOException e) {
      return new TaskOutcome(Status.FAILURE, failureSummary(r, "cannot read " + log.get() + ": " + e.getMessage()), extras);
    }
    ObjectNode s = AdwCleanerLogParser.parse(text);
    boolean recognised = s.remove("recognised").asBoolean();
    s.put("log_file", log.get().toString());
    s.put("working_path", work.toString());
    s.put("exit_code", r.exitCode());
    ObjectNode hr = s.putObject("human_readable");
    ArrayNode notes = hr.putArray("notes");
    int cleaned = s.get("cleaned").asInt();
    int failed = s.get("failed").asInt();
    Status status;
    if (!recognised) {
      status = Status.WARNING;
      hr.put("verdict", "unknown");
      notes.add("The AdwCleaner log was not recognised (language or version); see raw_tail.");
      s.put("raw_tail", Text.tail(text, ProcessSummaries.EXCERPT));
    } else if (failed > 0) {
      status = Status.WARNING;
      hr.put("verdict", "cleaned_with_failures");
      notes.add(cleaned + " items cleaned, " + failed + " could not be removed");
    } else {
      status = Status.SUCCESS;
      hr.put("verdict", cleaned == 0 ? "clean" : "cleaned");
      notes.add(cleaned + " items cleaned");
    }
    extras.put("log_file", log.get().toString());
    return new TaskOutcome(status, s, extras);
  }

  private static ObjectNode failureSummary(ProcessResult r, String error) {
    ObjectNode s = Json.object();
    s.put("error", error);
    s.put("exit_code", r.exitCode());
    s.put("stdout_excerpt", r.stdout().lastChars(ProcessSummaries.EXCERPT));
    s.put("stderr_excerpt", r.stderr().lastChars(ProcessSummaries.EXCERPT));
    return s;
  }
}
