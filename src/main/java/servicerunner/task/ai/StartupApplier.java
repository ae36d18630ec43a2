package servicerunner.task.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import servicerunner.exec.ProcessResult;
import servicerunner.task.TaskContext;
import servicerunner.task.ai.AiReviewTask.Progress;
import servicerunner.task.wintools.RegQueryParser;

/**
 * Disables the chosen startup items. Registry values: the whole key is first saved with {@code reg export} (the
 * reference deleted with no backup), and a key whose export fails is left untouched; then each value goes with
 * {@code reg delete <key> /v <name> /f}. Files: moved into a {@code DisabledStartup} subfolder of their Startup
 * folder, where Windows no longer runs them and a technician can move them back.
 */
record StartupApplier(TaskContext ctx, String regExe, Path backupDir) {
  static final String DISABLED_FOLDER = "DisabledStartup";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  void apply(List<StartupItem> chosen, Progress<StartupItem> progress) {
    chosen.stream().filter(i -> !i.isRegistry()).forEach(i -> progress.done(i, moveFile(i.file())));
    Map<String, List<StartupItem>> byKey = chosen.stream().filter(StartupItem::isRegistry)
        .collect(Collectors.groupingBy(StartupItem::registryKey, LinkedHashMap::new, Collectors.toList()));
    byKey.forEach((key, values) -> {
      try {
        progress.backedUp(exportKey(key, values.size()));
      } catch (IOException e) {
        values.forEach(i -> progress.done(i, "not deleted: the backup of " + key + " failed (" + e.getMessage() + ")"));
        return;
      }
      for (StartupItem item : values) {
        ProcessResult r = ctx.run(RegQueryParser.invocation(regExe, "delete", key, "/v", item.valueName(), "/f"));
        progress.done(item, r.exitedWith(0) ? null : "reg delete failed: " + failure(r));
      }
    });
  }

  private Path exportKey(String key, int values) throws IOException {
    String base = key.replaceAll("[^A-Za-z0-9]+", "_") + "-" + LocalDateTime.now().format(STAMP);
    Path file = Files.createDirectories(backupDir).resolve(base + ".reg");
    for (int n = 2; Files.exists(file); n++) {
      file = backupDir.resolve(base + "-" + n + ".reg");
    }
    ProcessResult r = ctx.run(RegQueryParser.invocation(regExe, "export", key, file.toString(), "/y"));
    if (!r.exitedWith(0) || !Files.isRegularFile(file)) {
      throw new IOException("reg export exited with " + failure(r) + " before deleting " + values + " value(s)");
    }
    return file;
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
}
