package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  static final ObjectMapper PREFS_MAPPER = new ObjectMapper();

  record Result(List<BrowserNotification> notifications, List<ObjectNode> notInspected, List<String> problems,
      int filesRead) {}

  private final Consumer<String> log;

  NotificationEnumerator(Consumer<String> log) {
    this.log = log;
  }

  Result enumerate(Path localRoot, Path roamingRoot) {
    List<BrowserNotification> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int read = 0;
    for (Browser b : BROWSERS) {
      Path root = b.roaming() ? roamingRoot : localRoot;
      if (root == null) {
        continue;
      }
      Path base = root.resolve(b.relativeBase());
      if (!Files.isDirectory(base)) {
        continue;
      }
      for (Path profileDir : profiles(base, b)) {
        Path prefs = profileDir.resolve("Preferences");
        if (!Files.isRegularFile(prefs)) {
          continue;
        }
        // Opera Stable keeps Preferences in the base folder itself: that is its default profile
        String profile = profileDir.equals(base) ? "Default" : profileDir.getFileName().toString();
        try {
          JsonNode tree = PREFS_MAPPER.readTree(Files.readAllBytes(prefs));
          read++;
          int before = found.size();
          for (ChromiumPreferences.Allowed a : ChromiumPreferences.allowed(tree)) {
            found.add(new BrowserNotification("n" + (found.size() + 1), b.name(), b.processName(), profile,
                ChromiumPreferences.origin(a.pattern()), a.pattern(), a.lastModified(), prefs));
          }
          log.accept(b.name() + " / " + profile + ": " + (found.size() - before) + " sites allowed to notify");
        } catch (IOException | RuntimeException e) {
          problems.add(b.name() + " " + profile + ": Preferences could not be read (" + e.getMessage() + ")");
        }
      }
    }
    List<ObjectNode> notInspected = firefoxProfiles(roamingRoot);
    return new Result(found, notInspected, problems, read);
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

  private static List<ObjectNode> firefoxProfiles(Path roamingRoot) {
    List<ObjectNode> out = new ArrayList<>();
    if (roamingRoot == null) {
      return out;
    }
    Path profiles = roamingRoot.resolve("Mozilla/Firefox/Profiles");
    if (!Files.isDirectory(profiles)) {
      return out;
    }
    try (Stream<Path> s = Files.list(profiles)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (Files.isRegularFile(p.resolve("permissions.sqlite"))) {
          ObjectNode o = Json.object();
          o.put("browser", "Mozilla Firefox");
          o.put("profile", p.getFileName().toString());
          o.put("path", p.resolve("permissions.sqlite").toString());
          o.put("reason", "not inspected: Firefox keeps notification permissions in permissions.sqlite, which this"
              + " runner cannot read; review them in Firefox under Settings > Privacy & Security > Notifications");
          out.add(o);
        }
      }
    } catch (IOException e) {
      // nothing listed
    }
    return out;
  }
}
