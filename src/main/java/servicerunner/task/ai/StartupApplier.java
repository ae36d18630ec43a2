package servicerunner.task.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.task.TaskContext;
import servicerunner.task.ai.AiReviewTask.Progress;

/**
 * Disables the chosen startup items. Registry values: the whole key is first saved with {@code reg export} (the
 * reference deleted with no backup), and a key whose export fails is left untouched; then each value goes with
 * {@code reg delete <key> /v <name> /f}. Files: moved into a {@code DisabledStartup} subfolder of their Startup
 * folder, where Windows no longer runs them and a technician can move them back.
 */
final class StartupApplier {
  static final String DISABLED_FOLDER = "DisabledStartup";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final TaskContext ctx;
  private final String regExe;
  private final Path backupDir;

  StartupApplier(TaskContext ctx, String regExe, Path backupDir) {
    this.ctx = ctx;
    this.regExe = regExe;
    this.backupDir = backupDir;
  }

  void apply(List<StartupItem> chosen, Progress<StartupItem> progress) {
    Map<String, List<StartupItem>> byKey = new LinkedHashMap<>();
    for (StartupItem item : chosen) {
      if (item.isRegistry()) {
        byKey.computeIfAbsent(item.registryKey(), k -> new ArrayList<>()).add(item);
      } else {
        report(progress, item, moveFile(item.file()));
      }
    }
    byKey.forEach((key, values) -> {
      try {
        Path backup = exportKey(key, values.size());
        progress.backedUp(backup);
      } catch (IOException ex) {
        values.forEach(i -> progress.failed(i, "not deleted: the backup of " + key + " failed (" + ex.getMessage() + ")"));
        return;
      }
      for (StartupItem item : values) {
        ProcessResult r = runReg("delete", key, "/v", item.valueName(), "/f");
        report(progress, item, r.exitedWith(0) ? null : "reg delete failed: " + failure(r));
      }
    });
  }

  private Path exportKey(String key, int values) throws IOException {
    Files.createDirectories(backupDir);
    String base = key.replaceAll("[^A-Za-z0-9]+", "_") + "-" + LocalDateTime.now().format(STAMP);
    Path file = backupDir.resolve(base + ".reg");
    for (int n = 2; Files.exists(file); n++) {
      file = backupDir.resolve(base + "-" + n + ".reg");
    }
    ProcessResult r = runReg("export", key, file.toString(), "/y");
    if (!r.exitedWith(0) || !Files.isRegularFile(file)) {
      throw new IOException("reg export exited with " + failure(r) + " before deleting " + values + " value(s)");
    }
    return file;
  }

  private ProcessResult runReg(String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.add(0, regExe);
    return ctx.run(ProcessSpec.of(argv).withEncoding(OutputEncoding.parse("oem")).withTimeout(Duration.ofSeconds(60)));
  }

  private static String failure(ProcessResult r) {
    String err = r.stderr().lastChars(300).strip();
    err = err.isEmpty() ? r.stdout().lastChars(300).strip() : err;
    return r.describe() + (err.isEmpty() ? "" : ": " + err);
  }

  /** Moves the file into DisabledStartup; returns a problem text or null. */
  private static String moveFile(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return "file no longer exists: " + file;
      }
      Path dir = Files.createDirectories(file.getParent().resolve(DISABLED_FOLDER));
      String fn = file.getFileName().toString();
      Path target = dir.resolve(fn);
      for (int n = 2; Files.exists(target); n++) {
        target = dir.resolve(n + "-" + fn);
      }
      Files.move(file, target);
      return null;
    } catch (IOException | RuntimeException e) {
      return "could not move " + file + " to " + DISABLED_FOLDER + ": " + e;
    }
  }

  private static void report(Progress<StartupItem> progress, StartupItem item, String problem) {
    if (problem == null) {
      progress.disabled(item);
    } else {
      progress.failed(item, problem);
    }
  }
}
