package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import servicerunner.io.AtomicFile;
import servicerunner.json.Json;

/**
 * Blocks the chosen sites by setting their {@code setting} to 2 in the profile's Preferences. A running browser
 * keeps Preferences in memory and writes it back on exit, so a file edited under it loses the change (the
 * reference edited it anyway, B15): files of a running browser are left alone and reported. Each file is copied
 * to a timestamped {@code .bak} first and rewritten atomically.
 */
final class NotificationApplier {

  record Choice(BrowserNotification item, ObjectNode entry) {}

  record Outcome(List<Choice> disabled, List<ObjectNode> errors, List<String> backups) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Set<String> running;
  private final Consumer<String> log;

  NotificationApplier(Set<String> running, Consumer<String> log) {
    this.running = running;
    this.log = log;
  }

  Outcome apply(List<Choice> choices) {
    List<Choice> disabled = new ArrayList<>();
    List<ObjectNode> errors = new ArrayList<>();
    List<String> backups = new ArrayList<>();
    Map<Path, List<Choice>> byFile = new LinkedHashMap<>();
    choices.forEach(c -> byFile.computeIfAbsent(c.item().preferencesFile(), k -> new ArrayList<>()).add(c));
    for (Map.Entry<Path, List<Choice>> e : byFile.entrySet()) {
      BrowserNotification first = e.getValue().get(0).item();
      if (running.contains(first.processName())) {
        String why = first.browser() + " is running; close it and run again (it rewrites Preferences on exit)";
        e.getValue().forEach(c -> error(c, why, errors));
        continue;
      }
      try {
        JsonNode tree = NotificationEnumerator.PREFS_MAPPER.readTree(Files.readAllBytes(e.getKey()));
        Instant now = Instant.now();
        List<Choice> changed = new ArrayList<>();
        for (Choice c : e.getValue()) {
          if (ChromiumPreferences.block(tree, c.item().pattern(), now)) {
            changed.add(c);
          } else {
            error(c, "no longer listed in " + e.getKey(), errors);
          }
        }
        if (changed.isEmpty()) {
          continue;
        }
        Path bak = e.getKey().resolveSibling("Preferences-" + LocalDateTime.now().format(STAMP) + ".bak");
        Files.copy(e.getKey(), bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        backups.add(bak.toString());
        AtomicFile.write(e.getKey(), NotificationEnumerator.PREFS_MAPPER.writeValueAsBytes(tree));
        for (Choice c : changed) {
          disabled.add(c);
          log.accept("Blocked notifications: " + c.item().origin() + " (" + c.item().browser() + " / "
              + c.item().profile() + ")");
        }
      } catch (IOException | RuntimeException ex) {
        e.getValue().forEach(c -> error(c, "Preferences could not be updated: " + ex.getMessage(), errors));
      }
    }
    return new Outcome(disabled, errors, backups);
  }

  private void error(Choice c, String why, List<ObjectNode> errors) {
    ObjectNode o = Json.object();
    o.put("id", c.item().id());
    o.put("origin", c.item().origin());
    o.put("name", c.item().origin());
    o.put("browser", c.item().browser());
    o.put("error", why);
    errors.add(o);
    log.accept("Failed: " + c.item().origin() + " - " + why);
  }
}
