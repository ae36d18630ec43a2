package servicerunner.task.bleachbit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.ParamKind;
import servicerunner.task.HumanReadable;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/**
 * Cleans (or previews) BleachBit cleaner options: {@code bleachbit --clean|--preview <cleaner.option>...}.
 *
 * <p>Unknown option ids: they are checked against {@code --list-cleaners} first. If none is known the task fails
 * naming them and BleachBit is not started; if some are known, only those run and the task ends {@code warning}
 * with {@code unknown_options} listing the rest (the cleaning that was asked for and possible was still done).
 */
public final class BleachbitCleanTask implements TaskType {
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
  private static final int MAX_STDERR_ERRORS = 20;

  @Override
  public String id() {
    return "bleachbit_clean";
  }

  @Override
  public String description() {
    return "Deletes junk files with BleachBit (or previews what would be deleted) and reports the space recovered.";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(
        ParamSpec.stringList("options", "Cleaner options as cleaner.option ids (see bleachbit --list-cleaners),"
            + " e.g. [\"system.tmp\", \"firefox.cache\"]; cleaner.* selects every option of a cleaner.").required(),
        ParamSpec.string("executable_path", "bleachbit_console.exe, bleachbit.exe (its console twin is used) or"
            + " the BleachBit folder; default: bleachbit (Linux) / bleachbit_console.exe (Windows) on PATH."),
        ParamSpec.bool("preview", "Only list what would be deleted (bleachbit --preview); nothing is changed.")
            .defaultsTo(false),
        ParamSpec.bool("validate_options", "Check the ids against bleachbit --list-cleaners before running.")
            .defaultsTo(true),
        ParamSpec.of("env", ParamKind.STRING_MAP, "Extra environment variables for BleachBit"
            + " (e.g. HOME / XDG_CACHE_HOME to clean another profile)."));
  }

  @Override
  public Duration defaultTimeout() {
    return DEFAULT_TIMEOUT;
  }

  @Override
  public String example() {
    return "{\"type\":\"bleachbit_clean\",\"options\":[\"system.tmp\",\"firefox.cache\"],\"preview\":true}";
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    TaskOutcome o = HumanReadable.ensureVerdict(execute(ctx));
    ObjectNode hr = (ObjectNode) o.summary().get("human_readable");
    if (!hr.has("mode")) {
      hr.put("mode", ctx.params().bool("preview") ? "preview" : "clean"); // the app's preview detection reads it
    }
    return o;
  }

  private TaskOutcome execute(TaskContext ctx) {
    Params p = ctx.params();
    List<String> requested = p.stringList("options");
    if (requested.isEmpty()) {
      return TaskOutcome.failure("options: expected at least one cleaner option, e.g. [\"system.tmp\"]");
    }
    List<String> malformed = CleanerOptions.malformed(requested);
    if (!malformed.isEmpty()) {
      return TaskOutcome.failure("options: not a cleaner.option id: " + String.join(", ", malformed));
    }
    boolean preview = p.bool("preview");
    boolean windows = ctx.platform().isWindows();
    String exe = BleachbitExecutable.resolve(p.optString("executable_path").orElse(null), windows);
    Map<String, String> env = p.stringMap("env");
    Path cwd = exeDir(exe);
    if (windows) {
      ensureAppDataFolder(ctx);
    }

    List<String> toRun = new ArrayList<>(new java.util.LinkedHashSet<>(requested));
    List<String> unknown = List.of();
    if (p.bool("validate_options")) {
      ProcessSpec list = ProcessSpec.of(exe, "--list-cleaners").withEnv(env).withCwd(cwd).withForwardOutput(false);
      ProcessResult lr = ctx.run(list);
      var problem = ProcessSummaries.problem(lr, "BleachBit");
      if (problem.isPresent()) {
        return problem.get().withExtra("command", ProcessSummaries.command(lr));
      }
      Set<String> known = CleanerOptions.parseList(lr.stdout().text());
      if (lr.exitCode() != 0 || known.isEmpty()) {
        ctx.log("bleachbit --list-cleaners gave no list (exit " + lr.exitCode() + "); option ids not checked");
      } else {
        CleanerOptions.Split split = CleanerOptions.split(requested, known);
        toRun = split.valid();
        unknown = split.unknown();
        if (toRun.isEmpty()) {
          ObjectNode s = Json.object();
          s.put("error", "Unknown BleachBit cleaner option(s): " + String.join(", ", unknown));
          s.put("error_hint", "Run bleachbit --list-cleaners for the ids this installation knows.");
          s.set("unknown_options", strings(unknown));
          s.putObject("human_readable").put("verdict", "Not run: no known cleaner option in the list")
              .put("mode", preview ? "preview" : "clean");
          return TaskOutcome.of(Status.FAILURE, s);
        }
        if (!unknown.isEmpty()) {
          ctx.log("Unknown cleaner option(s) left out: " + String.join(", ", unknown));
        }
      }
    }

    List<String> argv = new ArrayList<>();
    argv.add(exe);
    argv.add(preview ? "--preview" : "--clean");
    argv.addAll(toRun);
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withEnv(env).withCwd(cwd));
    var problem = ProcessSummaries.problem(r, "BleachBit");
    if (problem.isPresent()) {
      return problem.get().withExtra("command", ProcessSummaries.command(r));
    }
    ObjectNode s = BleachbitOutputParser.parse(r.stdout().text());
    s.set("options", strings(toRun));
    s.set("unknown_options", strings(unknown));
    s.set("stderr_errors", BleachbitOutputParser.stderrErrors(r.stderr().text(), MAX_STDERR_ERRORS));
    ProcessSummaries.addProcess(s, r);
    Status status = decide(s, r.exitCode(), unknown);
    s.putObject("results").put("applied", !preview && status != Status.FAILURE);
    s.set("human_readable", humanReadable(s, preview, status));
    return new TaskOutcome(status, s, Json.object().set("command", ProcessSummaries.command(r)));
  }

  /**
   * Status, first match wins (reference rules, adapted because BleachBit exits 0 even when operations failed): exit
   * code not 0 or no summary block → failure; Errors: n > 0, blocked cleaners or unknown ids left out → warning; else
   * success. Sets {@code error} or {@code warning} text.
   */
  static Status decide(ObjectNode s, int exitCode, List<String> unknown) {
    if (exitCode != 0) {
      String last = lastLine(s.path("stderr_excerpt").asText());
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
      List<String> names = new ArrayList<>();
      s.path("blocked_cleaners").forEach(n -> names.add(n.asText()));
      warnings.add("not cleaned while running: " + String.join(", ", names));
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

  private static ObjectNode humanReadable(ObjectNode s, boolean preview, Status status) {
    ObjectNode hr = Json.object();
    hr.put("mode", preview ? "preview" : "clean");
    long bytes = s.path("space_recovered_bytes").asLong(0);
    String size = HumanSize.format(bytes);
    hr.put("space_recovered_human", size);
    long files = s.path("files_deleted").asLong(0);
    String verdict;
    if (status == Status.FAILURE) {
      verdict = "Failed: " + s.path("error").asText();
    } else if (s.path("no_work").asBoolean()) {
      verdict = preview ? "Preview: nothing to clean" : "Nothing to clean";
    } else if (preview) {
      verdict = "Preview: " + size + " in " + files + " file(s) can be recovered";
    } else {
      verdict = "Recovered " + size + " from " + files + " file(s)";
    }
    if (status == Status.WARNING) {
      verdict += " (" + s.path("warning").asText() + ")";
    }
    hr.put("verdict", verdict);
    return hr;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\r\n|\r|\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = Json.array();
    values.forEach(a::add);
    return a;
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
