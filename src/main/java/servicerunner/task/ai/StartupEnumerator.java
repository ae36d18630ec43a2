package servicerunner.task.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import servicerunner.exec.Decoding;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.exec.Termination;
import servicerunner.task.TaskContext;
import servicerunner.task.ai.RegQueryParser.RegValue;

/**
 * Collects startup items from the Run/RunOnce keys (through {@code reg query}, or a saved {@code reg query} output
 * given as {@code registry_export_file}) and from the Startup folders (the user's and the common one, or the
 * folders given as {@code startup_folders}).
 */
final class StartupEnumerator {

  static final List<String> RUN_KEYS = List.of(
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
      "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
      "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
      "HKLM\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Run");

  static final String DISABLED_FOLDER = "DisabledStartup";

  /** A folder to scan and how the app should label it. */
  record Folder(Path path, String location, String display) {}

  /** What was found, plus problems that did not stop the enumeration. */
  record Result(List<StartupItem> items, List<String> problems, int sourcesTried, int sourcesFailed) {}

  private final TaskContext ctx;
  private final Consumer<String> log;

  StartupEnumerator(TaskContext ctx, Consumer<String> log) {
    this.ctx = ctx;
    this.log = log;
  }

  Result enumerate(String regExe, Path registryExportFile, List<Folder> folders) {
    List<StartupItem> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int tried = 0;
    int failed = 0;
    String windir = ctx.env("SystemRoot") != null ? ctx.env("SystemRoot") : "C:\\Windows";
    List<RegValue> values = new ArrayList<>();
    if (registryExportFile != null) {
      tried++;
      try {
        values.addAll(RegQueryParser.parse(Decoding.decodeAuto(Files.readAllBytes(registryExportFile))));
      } catch (IOException e) {
        failed++;
        problems.add("registry_export_file " + registryExportFile + " could not be read: " + e.getMessage());
      }
    } else {
      for (String key : RUN_KEYS) {
        tried++;
        ProcessResult r = ctx.run(ProcessSpec.of(regExe, "query", key)
            .withEncoding(OutputEncoding.parse("oem")).withTimeout(Duration.ofSeconds(60)).withForwardOutput(false));
        if (r.termination() != Termination.EXITED) {
          failed++;
          problems.add(regExe + " query " + key + ": " + r.describe());
        } else if (r.exitCode() == 0) {
          values.addAll(RegQueryParser.parse(r.stdout().text()));
        } else {
          // exit 1 with "ERROR: The system was unable to find the specified registry key or value." is a key
          // that does not exist (RunOnce is often absent): nothing to list, not a failure
          log.accept("Registry key not present: " + key);
        }
      }
    }
    for (RegValue v : values) {
      if (v.data().isBlank() || v.data().equalsIgnoreCase("(value not set)")) {
        continue;
      }
      String shortKey = RegQueryParser.shortKey(v.key());
      items.add(new StartupItem("s" + (items.size() + 1), v.name(), v.data(), "registry",
          "Registry: " + shortKey.substring(0, 4) + " " + shortKey.substring(shortKey.lastIndexOf('\\') + 1)
              + (shortKey.toUpperCase(Locale.ROOT).contains("WOW6432NODE") ? " (32-bit)" : ""),
          Publisher.guess(v.data(), windir), Publisher.isWindowsPath(v.data(), windir), shortKey, v.name(), null));
    }
    for (Folder f : folders) {
      if (!Files.isDirectory(f.path())) {
        log.accept("Startup folder not present: " + f.path());
        continue;
      }
      tried++;
      try (Stream<Path> s = Files.list(f.path())) {
        for (Path file : (Iterable<Path>) s.sorted()::iterator) {
          String fn = file.getFileName().toString();
          // desktop.ini sits hidden in every Startup folder; it is Explorer's, not a startup item
          if (!Files.isRegularFile(file) || fn.equalsIgnoreCase("desktop.ini")) {
            continue;
          }
          int dot = fn.lastIndexOf('.');
          String name = dot > 0 ? fn.substring(0, dot) : fn;
          items.add(new StartupItem("s" + (items.size() + 1), name, file.toString(), f.location(), f.display(),
              Publisher.guess(file.toString(), windir), false, null, null, file));
        }
      } catch (IOException e) {
        failed++;
        problems.add("Startup folder " + f.path() + " could not be listed: " + e.getMessage());
      }
    }
    return new Result(items, problems, tried, failed);
  }

  /** The Startup folders Windows uses (shell:startup and shell:common startup). */
  static List<Folder> defaultFolders(TaskContext ctx) {
    List<Folder> out = new ArrayList<>();
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

  static List<Folder> givenFolders(List<String> paths) {
    List<Folder> out = new ArrayList<>();
    for (String p : paths) {
      out.add(new Folder(Path.of(p).toAbsolutePath(), "startup_folder", "Startup Folder: " + p));
    }
    return out;
  }
}
