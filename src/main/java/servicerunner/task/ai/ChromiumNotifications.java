package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import servicerunner.io.AtomicFile;
import servicerunner.json.Json;
import servicerunner.task.ai.AiReviewTask.Found;
import servicerunner.task.ai.AiReviewTask.Progress;

/**
 * Notification permissions in the Preferences files of Chromium browsers (Chrome, Edge and Brave under the local
 * app-data root, Opera under the roaming one; profiles Default and Profile N). They live under
 * {@code profile.content_settings.exceptions.notifications}, keyed by a pattern such as
 * {@code https://example.com:443,*}; {@code setting} 1 is ALLOW, 2 is BLOCK (Chromium's ContentSetting enum).
 * Firefox keeps them in {@code permissions.sqlite}, which needs an SQLite driver this runner does not ship: its
 * profiles are listed as not inspected rather than guessed at (the reference's Firefox UPDATE always failed, B15).
 */
final class ChromiumNotifications {
  private ChromiumNotifications() {}

  /** Not the runner's strict, ASCII-only mapper: Preferences is read and written the way Chromium does. */
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final int ALLOW = 1;
  static final int BLOCK = 2;
  private static final Pattern PROFILE_DIR = Pattern.compile("Profile (\\d+)");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private record Browser(String name, String processName, boolean roaming, String relativeBase) {}

  private static final List<Browser> BROWSERS = List.of(
      new Browser("Google Chrome", "chrome", false, "Google/Chrome/User Data"),
      new Browser("Microsoft Edge", "msedge", false, "Microsoft/Edge/User Data"),
      new Browser("Brave Browser", "brave", false, "BraveSoftware/Brave-Browser/User Data"),
      new Browser("Opera", "opera", true, "Opera Software/Opera Stable"));

  /** The sites allowed to notify: pattern to Chromium's last_modified (µs since 1601 as text, may be null). Pure. */
  static Map<String, String> allowed(JsonNode prefs) {
    Map<String, String> out = new LinkedHashMap<>();
    notifications(prefs).properties().forEach(e -> {
      JsonNode lm = e.getValue().path("last_modified");
      if (e.getValue().path("setting").isNumber() && e.getValue().path("setting").asInt() == ALLOW) {
        out.put(e.getKey(), lm.isMissingNode() || lm.isNull() ? null : lm.asText());
      }
    });
    return out;
  }

  /** Sets the pattern's setting to BLOCK, edited in place; false when the pattern is no longer there. */
  static boolean block(JsonNode prefs, String pattern, Instant now) {
    if (!(notifications(prefs).get(pattern) instanceof ObjectNode)) {
      return false;
    }
    // base::Time: µs since 1601-01-01 UTC (ChronoUnit.MICROS.between overflows a long over 425 years)
    long micros = (now.getEpochSecond() + 11_644_473_600L) * 1_000_000L + now.getNano() / 1_000;
    ((ObjectNode) notifications(prefs).get(pattern)).put("setting", BLOCK).put("last_modified", Long.toString(micros));
    return true;
  }

  /** "https://www.example.com:443,*" to "https://www.example.com:443". */
  static String origin(String pattern) {
    return pattern.split(",", 2)[0];
  }

  private static JsonNode notifications(JsonNode prefs) {
    return prefs.path("profile").path("content_settings").path("exceptions").path("notifications");
  }

  static Found<BrowserNotification> enumerate(Path localRoot, Path roamingRoot, Consumer<String> log) {
    List<BrowserNotification> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Browser b : BROWSERS) {
      Path root = b.roaming() ? roamingRoot : localRoot;
      Path base = root == null ? null : root.resolve(b.relativeBase());
      for (Path dir : base != null && Files.isDirectory(base) ? profiles(base, b.roaming()) : List.<Path>of()) {
        Path prefs = dir.resolve("Preferences");
        // Opera Stable keeps Preferences in the base folder itself: that is its default profile
        String profile = dir.equals(base) ? "Default" : dir.getFileName().toString();
        try {
          if (Files.isRegularFile(prefs)) {
            Map<String, String> sites = allowed(MAPPER.readTree(Files.readAllBytes(prefs)));
            sites.forEach((pattern, lastModified) -> found.add(new BrowserNotification("n" + (found.size() + 1),
                b.name(), b.processName(), profile, origin(pattern), pattern, lastModified, prefs)));
            log.accept(b.name() + " / " + profile + ": " + sites.size() + " sites allowed to notify");
          }
        } catch (IOException | RuntimeException e) {
          problems.add(b.name() + " " + profile + ": Preferences could not be read (" + e.getMessage() + ")");
        }
      }
    }
    return new Found<>(found, problems, firefoxProfiles(roamingRoot, log));
  }

  private static List<Path> profiles(Path base, boolean baseIsProfile) {
    List<Path> out = new ArrayList<>(baseIsProfile ? List.of(base) : List.of());
    out.add(base.resolve("Default"));
    try (Stream<Path> s = Files.list(base)) {
      out.addAll(s.filter(p -> Files.isDirectory(p) && PROFILE_DIR.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(8))))
          .collect(Collectors.toList()));
    } catch (IOException | RuntimeException e) {
      // an unreadable folder just has no profiles to offer
    }
    return out;
  }

  private static List<ObjectNode> firefoxProfiles(Path roamingRoot, Consumer<String> log) {
    Path profiles = roamingRoot == null ? null : roamingRoot.resolve("Mozilla/Firefox/Profiles");
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> s = profiles != null && Files.isDirectory(profiles) ? Files.list(profiles) : Stream.empty()) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (!Files.isRegularFile(p.resolve("permissions.sqlite"))) {
          continue;
        }
        log.accept("Firefox profile " + p.getFileName() + " not inspected (permissions.sqlite needs an SQLite reader)");
        out.add(Json.object().put("browser", "Mozilla Firefox").put("profile", p.getFileName().toString())
            .put("path", p.resolve("permissions.sqlite").toString())
            .put("reason", "not inspected: Firefox keeps notification permissions in permissions.sqlite, which"
                + " this runner cannot read; review them in Firefox under Settings > Privacy & Security >"
                + " Notifications"));
      }
    } catch (IOException e) {
      // nothing listed
    }
    return out;
  }

  /**
   * Blocks the chosen sites. A running browser keeps Preferences in memory and writes it back on exit, so a file
   * edited under it loses the change (the reference edited it anyway, B15): files of a running browser are left
   * alone and reported. Each file is copied to a timestamped {@code .bak} first and rewritten atomically.
   */
  static void apply(List<BrowserNotification> chosen, Progress<BrowserNotification> progress) {
    Set<String> running = runningPrograms();
    Map<Path, List<BrowserNotification>> byFile = chosen.stream()
        .collect(Collectors.groupingBy(BrowserNotification::preferencesFile, LinkedHashMap::new, Collectors.toList()));
    byFile.forEach((file, sites) -> {
      if (running.contains(sites.get(0).processName())) {
        String why = sites.get(0).browser() + " is running; close it and run again (it rewrites Preferences on exit)";
        sites.forEach(n -> progress.done(n, why));
        return;
      }
      try {
        JsonNode tree = MAPPER.readTree(Files.readAllBytes(file));
        Instant now = Instant.now();
        List<BrowserNotification> changed = new ArrayList<>();
        for (BrowserNotification n : sites) {
          if (block(tree, n.pattern(), now)) {
            changed.add(n);
          } else {
            progress.done(n, "no longer listed in " + file);
          }
        }
        if (!changed.isEmpty()) {
          Path bak = file.resolveSibling("Preferences-" + LocalDateTime.now().format(STAMP) + ".bak");
          Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
          progress.backedUp(bak);
          AtomicFile.write(file, MAPPER.writeValueAsBytes(tree));
          changed.forEach(n -> progress.done(n, null));
        }
      } catch (IOException | RuntimeException ex) {
        sites.forEach(n -> progress.done(n, "Preferences could not be updated: " + ex.getMessage()));
      }
    });
  }

  /** The running programs by executable file name, lower case, without .exe (Windows paths read on any host). */
  private static Set<String> runningPrograms() {
    return ProcessHandle.allProcesses().map(ph -> ph.info().command().orElse(""))
        .map(c -> c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT))
        .map(n -> n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n).collect(Collectors.toSet());
  }
}
