package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Consumer;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.task.TaskContext;

/**
 * Disables the chosen startup items. Registry values: the whole key is first saved with {@code reg export} (the
 * reference deleted with no backup), and a key whose export fails is left untouched; then each value goes with
 * {@code reg delete <key> /v <name> /f}. Files: moved into a {@code DisabledStartup} subfolder of their Startup
 * folder, where Windows no longer runs them and a technician can move them back.
 */
final class StartupApplier {

  /** One item to disable with the model's entry for it. */
  record Choice(StartupItem item, ObjectNode entry) {}

  /** Disabled items, failures ({name, error}) and the backup files written. */
  record Outcome(List<Choice> disabled, List<ObjectNode> errors, List<String> backups) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final TaskContext ctx;
  private final String regExe;
  private final Path backupDir;
  private final Consumer<String> log;

  StartupApplier(TaskContext ctx, String regExe, Path backupDir, Consumer<String> log) {
    this.ctx = ctx;
    this.regExe = regExe;
    this.backupDir = backupDir;
    this.log = log;
  }

  Outcome apply(List<Choice> choices) {
    List<Choice> disabled = new ArrayList<>();
    List<ObjectNode> errors = new ArrayList<>();
    List<String> backups = new ArrayList<>();
    Map<String, List<Choice>> byKey = new LinkedHashMap<>();
    for (Choice c : choices) {
      if (c.item().isRegistry()) {
        byKey.computeIfAbsent(c.item().registryKey(), k -> new ArrayList<>()).add(c);
      } else {
        String problem = moveFile(c.item().file());
        record(c, problem, disabled, errors);
      }
    }
    for (Map.Entry<String, List<Choice>> e : byKey.entrySet()) {
      String key = e.getKey();
      Path backup;
      try {
        backup = exportKey(key, e.getValue().size());
        backups.add(backup.toString());
        log.accept("Saved " + key + " to " + backup);
      } catch (IOException ex) {
        for (Choice c : e.getValue()) {
          record(c, "not deleted: the backup of " + key + " failed (" + ex.getMessage() + ")", disabled, errors);
        }
        continue;
      }
      for (Choice c : e.getValue()) {
        ProcessResult r = runReg("delete", key, "/v", c.item().valueName(), "/f");
        record(c, r.exitedWith(0) ? null : "reg delete failed: " + failure(r), disabled, errors);
      }
    }
    return new Outcome(disabled, errors, backups);
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
    List<String> argv = new ArrayList<>();
    argv.add(regExe);
    argv.addAll(List.of(args));
    return ctx.run(ProcessSpec.of(argv).withEncoding(OutputEncoding.parse("oem")).withTimeout(Duration.ofSeconds(60)));
  }

  private static String failure(ProcessResult r) {
    String err = r.stderr().lastChars(300).strip();
    if (err.isEmpty()) {
      err = r.stdout().lastChars(300).strip();
    }
    return r.describe() + (err.isEmpty() ? "" : ": " + err);
  }

  /** Moves the file into DisabledStartup; returns a problem text or null. */
  private static String moveFile(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return "file no longer exists: " + file;
      }
      Path dir = file.getParent().resolve(StartupEnumerator.DISABLED_FOLDER);
      Files.createDirectories(dir);
      String fn = file.getFileName().toString();
      Path target = dir.resolve(fn);
      for (int n = 2; Files.exists(target); n++) {
        target = dir.resolve(n + "-" + fn);
      }
      Files.move(file, target);
      return null;
    } catch (IOException | RuntimeException e) {
      return "could not move " + file + " to " + StartupEnumerator.DISABLED_FOLDER + ": " + e;
    }
  }

  private void record(Choice c, String problem, List<Choice> disabled, List<ObjectNode> errors) {
    if (problem == null) {
      disabled.add(c);
      log.accept("Disabled: " + c.item().name() + " (" + c.item().locationDisplay() + ")");
    } else {
      ObjectNode e = servicerunner.json.Json.object();
      e.put("id", c.item().id());
      e.put("name", c.item().name());
      e.put("error", problem);
      errors.add(e);
      log.accept("Failed: " + c.item().name() + " - " + problem);
    }
  }
}
