package servicerunner.task.bleachbit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamKind;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.DeclaredTask;
import servicerunner.task.Verdict;
import servicerunner.text.Text;

/**
 * Cleans (or previews) BleachBit cleaner options: {@code bleachbit --clean|--preview <cleaner.option>...}.
 *
 * <p>Unknown option ids: they are checked against {@code --list-cleaners} first. If none is known the task fails
 * naming them and BleachBit is not started; if some are known, only those run and the task ends {@code warning}
 * with {@code unknown_options} listing the rest (the cleaning that was asked for and possible was still done).
 */
public final class BleachbitCleanTask extends DeclaredTask {
  private static final int MAX_STDERR_ERRORS = 20;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("bleachbit_clean",
          "Deletes junk files with BleachBit (or previews what would be deleted) and reports the space recovered.")
      .params(
          ParamSpec.stringList("options", "Cleaner options as cleaner.option ids (see bleachbit --list-cleaners),"
              + " e.g. [\"system.tmp\", \"firefox.cache\"]; cleaner.* selects every option of a cleaner.")
              .required().nonEmpty().positional().matches(CleanerOptions.ID.pattern(), "a cleaner.option id"),
          ParamSpec.string("executable_path", "bleachbit_console.exe, bleachbit.exe (its console twin is used) or"
              + " the BleachBit folder; default: bleachbit (Linux) / bleachbit_console.exe (Windows) on PATH."),
          ParamSpec.bool("preview", "Only list what would be deleted (bleachbit --preview); nothing is changed.")
              .defaultsTo(false),
          ParamSpec.bool("validate_options", "Check the ids against bleachbit --list-cleaners before running.")
              .defaultsTo(true),
          ParamSpec.of("env", ParamKind.STRING_MAP, "Extra environment variables for BleachBit"
              + " (e.g. HOME / XDG_CACHE_HOME to clean another profile)."))
      .timeout(Duration.ofMinutes(30))
      .example("{\"type\":\"bleachbit_clean\",\"options\":[\"system.tmp\",\"firefox.cache\"],\"preview\":true}")
      .verdicts("cleaned", "previewed", "nothing_to_clean", "problems_reported", "unknown_options", "tool_error",
          "no_summary")
      .systemDisk()
      .build();

  public BleachbitCleanTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    boolean preview = p.bool("preview");
    List<String> requested = p.stringList("options");
    boolean windows = ctx.platform().isWindows();
    String exe = BleachbitExecutable.resolve(p.optString("executable_path").orElse(null), windows);
    Map<String, String> env = p.stringMap("env");
    Path cwd = exeDir(exe);
    if (windows) {
      ensureAppDataFolder(ctx);
    }

    List<String> toRun = new ArrayList<>(new LinkedHashSet<>(requested));
    List<String> unknown = List.of();
    if (p.bool("validate_options")) {
      ProcessResult lr = ctx.run(ProcessSpec.of(exe, "--list-cleaners").withEnv(env).withCwd(cwd)
          .withForwardOutput(false));
      if (!lr.exited()) {
        return notCompleted(lr, preview);
      }
      Set<String> known = CleanerOptions.parseList(lr.stdout().text());
      if (lr.exitCode() != 0 || known.isEmpty()) {
        ctx.log("bleachbit --list-cleaners gave no list (exit " + lr.exitCode() + "); option ids not checked");
      } else {
        CleanerOptions.Split split = CleanerOptions.split(requested, known);
        toRun = split.valid();
        unknown = split.unknown();
        if (toRun.isEmpty()) {
          return noKnownOption(unknown, preview);
        }
        if (!unknown.isEmpty()) {
          ctx.log("Unknown cleaner option(s) left out: " + String.join(", ", unknown));
        }
      }
    }

    // "--": optparse ends the options there (bleachbit 4.4.2, Linux and the Windows console build alike)
    List<String> argv = new ArrayList<>(List.of(exe, preview ? "--preview" : "--clean", "--"));
    argv.addAll(toRun);
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withEnv(env).withCwd(cwd));
    if (!r.exited()) {
      return notCompleted(r, preview);
    }
    ObjectNode s = BleachbitOutputParser.parse(r.stdout().text());
    s.set("options", Json.valueToTree(toRun));
    s.set("unknown_options", Json.valueToTree(unknown));
    s.set("stderr_errors", BleachbitOutputParser.stderrErrors(r.stderr().text(), MAX_STDERR_ERRORS));
    ProcessSummaries.addProcess(s, r);
    Status status = decide(s, r.exitCode(), unknown);
    s.putObject("results").put("applied", !preview && status != Status.FAILURE);
    Verdict v = verdict(s, preview, status);
    ObjectNode hr = s.putObject("human_readable");
    hr.put("mode", mode(preview));
    hr.put("space_recovered_human", HumanSize.format(s.path("space_recovered_bytes").asLong(0)));
    hr.put("verdict", status == Status.FAILURE ? "Failed: " + v.sentence() : v.sentence());
    return TaskOutcome.of(status, v, s).withExtra("command", ProcessSummaries.command(r));
  }

  /** The app's preview detection reads human_readable.mode, on a failed run too. */
  private static ObjectNode modeOnly(boolean preview) {
    ObjectNode s = Json.object();
    s.putObject("human_readable").put("mode", mode(preview));
    return s;
  }

  private static String mode(boolean preview) {
    return preview ? "preview" : "clean";
  }

  private static TaskOutcome notCompleted(ProcessResult r, boolean preview) {
    return ProcessSummaries.notCompleted(modeOnly(preview), r, "BleachBit");
  }

  private static TaskOutcome noKnownOption(List<String> unknown, boolean preview) {
    String error = "Unknown BleachBit cleaner option(s): " + String.join(", ", unknown);
    ObjectNode s = Json.object();
    s.put("error", error);
    s.put("error_hint", "Run bleachbit --list-cleaners for the ids this installation knows.");
    s.set("unknown_options", Json.valueToTree(unknown));
    s.putObject("human_readable").put("verdict", "Not run: no known cleaner option in the list")
        .put("mode", mode(preview));
    return TaskOutcome.of(Status.FAILURE, Verdict.of("unknown_options", error), s);
  }

  /**
   * Status, first match wins (reference rules, adapted because BleachBit exits 0 even when operations failed): exit
   * code not 0 or no summary block → failure; Errors: n > 0, blocked cleaners or unknown ids left out → warning; else
   * success. Sets {@code error} or {@code warning} text.
   */
  static Status decide(ObjectNode s, int exitCode, List<String> unknown) {
    if (exitCode != 0) {
      String last = Text.lastLine(s.path("stderr_excerpt").asText());
      s.put("error", "BleachBit exited with code " + exitCode + (last.isEmpty() ? "" : ": " + last));
      return Status.FAILURE;
    }
    if (!s.path("summary_found").asBoolean() && !s.path("no_work").asBoolean()) {
      s.put("error", "BleachBit printed no summary (no \"Disk space recovered\" line): the cleaning did not finish");
      return Status.FAILURE;
    }
    List<String> warnings = new ArrayList<>();
    int errors = s.path("errors").asInt();
    if (errors > 0) {
      warnings.add("BleachBit reported " + errors + " error(s)");
    }
    if (s.path("blocked_cleaners").size() > 0) {
      warnings.add("not cleaned while running: " + String.join(", ", Json.texts(s.path("blocked_cleaners"))));
    }
    if (!unknown.isEmpty()) {
      warnings.add("unknown option(s) left out: " + String.join(", ", unknown));
    }
    if (!warnings.isEmpty()) {
      s.put("warning", String.join("; ", warnings));
      return Status.WARNING;
    }
    return Status.SUCCESS;
  }

  /** The sentence of a run that reached its exit: the error of a failure, else what was (or can be) recovered. */
  static Verdict verdict(ObjectNode s, boolean preview, Status status) {
    if (status == Status.FAILURE) {
      return Verdict.of(s.path("exit_code").asInt() != 0 ? "tool_error" : "no_summary", s.path("error").asText());
    }
    String size = HumanSize.format(s.path("space_recovered_bytes").asLong(0));
    long files = s.path("files_deleted").asLong(0);
    String id;
    String sentence;
    if (s.path("no_work").asBoolean()) {
      id = "nothing_to_clean";
      sentence = preview ? "Preview: nothing to clean" : "Nothing to clean";
    } else if (preview) {
      id = "previewed";
      sentence = "Preview: " + size + " in " + files + " file(s) can be recovered";
    } else {
      id = "cleaned";
      sentence = "Recovered " + size + " from " + files + " file(s)";
    }
    if (status == Status.WARNING) {
      id = "problems_reported";
      sentence += " (" + s.path("warning").asText() + ")";
    }
    return Verdict.of(id, sentence);
  }

  /** Portable BleachBit reads bleachbit.ini beside the exe, so the reference runs it in its own folder. */
  private static Path exeDir(String exe) {
    Path p = Path.of(exe);
    Path parent = p.getParent();
    return parent != null && Files.isDirectory(parent) ? parent : null;
  }

  /** Kept from the reference: it creates %APPDATA%\BleachBit before a run (BleachBit keeps its settings there). */
  private static void ensureAppDataFolder(TaskContext ctx) {
    String appData = ctx.env("APPDATA");
    if (appData == null) {
      return;
    }
    try {
      Files.createDirectories(Path.of(appData, "BleachBit"));
    } catch (IOException | RuntimeException e) {
      ctx.log("Could not create " + appData + "\\BleachBit: " + e.getMessage());
    }
  }
}
