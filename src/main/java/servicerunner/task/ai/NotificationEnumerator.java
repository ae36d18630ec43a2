package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import servicerunner.json.Json;
import servicerunner.task.ai.AiReviewTask.Found;

/**
 * Finds allowed notification permissions in Chromium browsers (Chrome, Edge, Brave under the local app-data root;
 * Opera under the roaming root) for the profiles Default and Profile N. Firefox keeps them in
 * {@code permissions.sqlite}, which needs an SQLite driver this runner does not ship: Firefox profiles are listed
 * as not inspected rather than guessed at (the reference's Firefox UPDATE used wrong columns and always failed, B15).
 */
final class NotificationEnumerator {

  /** A Chromium browser: where its profiles live and its process name. */
  record Browser(String name, String processName, boolean roaming, String relativeBase) {}

  static final List<Browser> BROWSERS = List.of(
      new Browser("Google Chrome", "chrome", false, "Google/Chrome/User Data"),
      new Browser("Microsoft Edge", "msedge", false, "Microsoft/Edge/User Data"),
      new Browser("Brave Browser", "brave", false, "BraveSoftware/Brave-Browser/User Data"),
      new Browser("Opera", "opera", true, "Opera Software/Opera Stable"));

  private static final Pattern PROFILE_DIR = Pattern.compile("Profile \\d+");

  private NotificationEnumerator() {}

  static Found<BrowserNotification> enumerate(Path localRoot, Path roamingRoot, Consumer<String> log) {
    List<BrowserNotification> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Browser b : BROWSERS) {
      Path root = b.roaming() ? roamingRoot : localRoot;
      Path base = root == null ? null : root.resolve(b.relativeBase());
      for (Path profileDir : base != null && Files.isDirectory(base) ? profiles(base, b) : List.<Path>of()) {
        Path prefs = profileDir.resolve("Preferences");
        // Opera Stable keeps Preferences in the base folder itself: that is its default profile
        String profile = profileDir.equals(base) ? "Default" : profileDir.getFileName().toString();
        if (!Files.isRegularFile(prefs)) {
          continue;
        }
        try {
          int before = found.size();
          for (ChromiumPreferences.Allowed a : ChromiumPreferences.allowed(
              ChromiumPreferences.MAPPER.readTree(Files.readAllBytes(prefs)))) {
            found.add(new BrowserNotification("n" + (found.size() + 1), b.name(), b.processName(), profile,
                ChromiumPreferences.origin(a.pattern()), a.pattern(), a.lastModified(), prefs));
          }
          log.accept(b.name() + " / " + profile + ": " + (found.size() - before) + " sites allowed to notify");
        } catch (IOException | RuntimeException e) {
          problems.add(b.name() + " " + profile + ": Preferences could not be read (" + e.getMessage() + ")");
        }
      }
    }
    return new Found<>(found, problems, firefoxProfiles(roamingRoot, log));
  }

  private static List<Path> profiles(Path base, Browser b) {
    List<Path> out = new ArrayList<>();
    if (b.roaming()) {
      out.add(base);
    }
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
    List<ObjectNode> out = new ArrayList<>();
    Path profiles = roamingRoot == null ? null : roamingRoot.resolve("Mozilla/Firefox/Profiles");
    if (profiles == null || !Files.isDirectory(profiles)) {
      return out;
    }
    try (Stream<Path> s = Files.list(profiles)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (Files.isRegularFile(p.resolve("permissions.sqlite"))) {
          log.accept("Firefox profile " + p.getFileName() + " not inspected (permissions.sqlite needs an SQLite reader)");
          out.add(Json.object().put("browser", "Mozilla Firefox").put("profile", p.getFileName().toString())
              .put("path", p.resolve("permissions.sqlite").toString())
              .put("reason", "not inspected: Firefox keeps notification permissions in permissions.sqlite, which"
                  + " this runner cannot read; review them in Firefox under Settings > Privacy & Security >"
                  + " Notifications"));
        }
      }
    } catch (IOException e) {
      // nothing listed
    }
    return out;
  }
}
