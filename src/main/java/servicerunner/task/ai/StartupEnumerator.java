package servicerunner.task.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import servicerunner.exec.Decoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.Termination;
import servicerunner.json.Json;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ai.AiReviewTask.Found;
import servicerunner.task.wintools.RegQueryParser.RegValue;
import servicerunner.task.wintools.RegQueryParser;

/**
 * Collects startup items from the Run/RunOnce keys (through {@code reg query}, or a saved {@code reg query} output
 * given as {@code registry_export_file}) and from Startup folders. Like the reference, {@code is_microsoft_signed}
 * only means "lives in the Windows folder": reading Authenticode signatures needs Windows APIs.
 */
final class StartupEnumerator {

  static final List<String> RUN_KEYS = List.of(
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
      "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
      "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
      "HKLM\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Run");

  private static final String MICROSOFT = "Microsoft Corporation";

  /** A folder to scan and how the app should label it. */
  record Folder(Path path, String location, String display) {}

  private final TaskContext ctx;
  private final String regExe;
  private final Consumer<String> log;
  private final String windir;
  private final List<StartupItem> items = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private TaskOutcome stopped;

  StartupEnumerator(TaskContext ctx, String regExe, Consumer<String> log) {
    this.ctx = ctx;
    this.regExe = regExe;
    this.log = log;
    this.windir = ctx.env("SystemRoot") != null ? ctx.env("SystemRoot") : "C:\\Windows";
  }

  Found<StartupItem> enumerate(Path registryExportFile, List<Folder> folders) {
    List<RegValue> values = registryExportFile == null ? queryRunKeys() : read(registryExportFile);
    if (stopped != null) {
      return new Found<>(List.of(), problems, List.of(), stopped);
    }
    for (RegValue v : values) {
      if (v.data().isBlank() || v.data().equalsIgnoreCase("(value not set)")) {
        continue;
      }
      String key = RegQueryParser.shortKey(v.key());
      String display = "Registry: " + key.substring(0, 4) + " " + key.substring(key.lastIndexOf('\\') + 1)
          + (key.toUpperCase(Locale.ROOT).contains("WOW6432NODE") ? " (32-bit)" : "");
      boolean windows = inWindowsFolder(v.data());
      items.add(new StartupItem("s" + (items.size() + 1), v.name(), v.data(), "registry", display,
          windows ? MICROSOFT : null, windows, key, v.name(), null));
    }
    folders.forEach(this::scan);
    return new Found<>(items, problems, List.of());
  }

  private List<RegValue> read(Path exportFile) {
    try {
      return RegQueryParser.parse(Decoding.decodeAuto(Files.readAllBytes(exportFile)));
    } catch (IOException e) {
      problems.add("registry_export_file " + exportFile + " could not be read: " + e.getMessage());
      return List.of();
    }
  }

  private List<RegValue> queryRunKeys() {
    List<RegValue> values = new ArrayList<>();
    for (String key : RUN_KEYS) {
      ProcessResult r = ctx.run(RegQueryParser.invocation(regExe, "query", key).withForwardOutput(false));
      if (r.termination() != Termination.EXITED) {
        // the task's time is gone or reg cannot start: the next query would end the same way
        stopped = ProcessSummaries.notCompleted(Json.object(), r, "reg");
        break;
      }
      if (r.exitCode() == 0) {
        values.addAll(RegQueryParser.parse(r.stdout().text()));
      } else {
        // exit 1 with "ERROR: The system was unable to find the specified registry key or value." is a key
        // that does not exist (RunOnce is often absent): nothing to list, not a failure
        log.accept("Registry key not present: " + key);
      }
    }
    return values;
  }

  private void scan(Folder f) {
    if (!Files.isDirectory(f.path())) {
      log.accept("Startup folder not present: " + f.path());
      return;
    }
    try (Stream<Path> s = Files.list(f.path())) {
      for (Path file : (Iterable<Path>) s.sorted()::iterator) {
        String fn = file.getFileName().toString();
        // desktop.ini sits hidden in every Startup folder; it is Explorer's, not a startup item
        if (Files.isRegularFile(file) && !fn.equalsIgnoreCase("desktop.ini")) {
          int dot = fn.lastIndexOf('.');
          items.add(new StartupItem("s" + (items.size() + 1), dot > 0 ? fn.substring(0, dot) : fn, file.toString(),
              f.location(), f.display(), inWindowsFolder(file.toString()) ? MICROSOFT : null, false, null, null, file));
        }
      }
    } catch (IOException e) {
      problems.add("Startup folder " + f.path() + " could not be listed: " + e.getMessage());
    }
  }

  /** Whether the program of a command line (the quoted path, or up to the first space) is under Windows. */
  private boolean inWindowsFolder(String command) {
    String c = command.strip();
    String exe;
    if (c.startsWith("\"")) {
      int end = c.indexOf('"', 1);
      exe = end > 0 ? c.substring(1, end) : c.substring(1);
    } else {
      exe = c.split(" ", 2)[0];
    }
    String lower = exe.toLowerCase(Locale.ROOT);
    return Stream.of("%windir%", "%systemroot%", windir.toLowerCase(Locale.ROOT), "c:\\windows")
        .anyMatch(w -> lower.startsWith(w + "\\"));
  }

  /** The Startup folders Windows uses (shell:startup and shell:common startup), or the ones the plan gives. */
  static List<Folder> folders(TaskContext ctx) {
    List<Folder> out = new ArrayList<>();
    if (ctx.params().has("startup_folders")) {
      ctx.params().stringList("startup_folders").forEach(p ->
          out.add(new Folder(Path.of(p).toAbsolutePath(), "startup_folder", "Startup Folder: " + p)));
      return out;
    }
    String appData = ctx.env("APPDATA");
    String programData = ctx.env("PROGRAMDATA");
    if (appData != null && !appData.isBlank()) {
      out.add(new Folder(Path.of(appData, "Microsoft", "Windows", "Start Menu", "Programs", "Startup"),
          "user_startup", "Startup Folder: User"));
    }
    if (programData != null && !programData.isBlank()) {
      out.add(new Folder(Path.of(programData, "Microsoft", "Windows", "Start Menu", "Programs", "StartUp"),
          "common_startup", "Startup Folder: Common"));
    }
    return out;
  }
}
