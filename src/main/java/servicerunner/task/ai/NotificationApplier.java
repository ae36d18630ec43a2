package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import servicerunner.io.AtomicFile;
import servicerunner.task.ai.AiReviewTask.Progress;

/**
 * Blocks the chosen sites by setting their {@code setting} to 2 in the profile's Preferences. A running browser
 * keeps Preferences in memory and writes it back on exit, so a file edited under it loses the change (the
 * reference edited it anyway, B15): files of a running browser are left alone and reported. Each file is copied
 * to a timestamped {@code .bak} first and rewritten atomically.
 */
final class NotificationApplier {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private NotificationApplier() {}

  static void apply(List<BrowserNotification> chosen, Progress<BrowserNotification> progress) {
    Set<String> running = runningPrograms();
    Map<Path, List<BrowserNotification>> byFile = new LinkedHashMap<>();
    chosen.forEach(n -> byFile.computeIfAbsent(n.preferencesFile(), k -> new ArrayList<>()).add(n));
    byFile.forEach((file, sites) -> {
      BrowserNotification first = sites.get(0);
      if (running.contains(first.processName())) {
        String why = first.browser() + " is running; close it and run again (it rewrites Preferences on exit)";
        sites.forEach(n -> progress.failed(n, why));
        return;
      }
      try {
        JsonNode tree = ChromiumPreferences.MAPPER.readTree(Files.readAllBytes(file));
        Instant now = Instant.now();
        List<BrowserNotification> changed = new ArrayList<>();
        for (BrowserNotification n : sites) {
          if (ChromiumPreferences.block(tree, n.pattern(), now)) {
            changed.add(n);
          } else {
            progress.failed(n, "no longer listed in " + file);
          }
        }
        if (!changed.isEmpty()) {
          Path bak = file.resolveSibling("Preferences-" + LocalDateTime.now().format(STAMP) + ".bak");
          Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
          progress.backedUp(bak);
          AtomicFile.write(file, ChromiumPreferences.MAPPER.writeValueAsBytes(tree));
          changed.forEach(progress::disabled);
        }
      } catch (IOException | RuntimeException ex) {
        sites.forEach(n -> progress.failed(n, "Preferences could not be updated: " + ex.getMessage()));
      }
    });
  }

  /** The running programs by executable file name, lower case, without .exe (Windows paths read on any host). */
  static Set<String> runningPrograms() {
    return ProcessHandle.allProcesses().map(ph -> ph.info().command().orElse(""))
        .map(c -> c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT))
        .map(n -> n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n).collect(Collectors.toSet());
  }
}
