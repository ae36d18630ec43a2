package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and edits notification permissions in a Chromium {@code Preferences} document. They live under
 * {@code profile.content_settings.exceptions.notifications}, keyed by a pattern such as
 * {@code https://example.com:443,*}; {@code setting} 1 is ALLOW, 2 is BLOCK (Chromium's ContentSetting enum).
 * Pure: JSON tree in, values out (or the tree edited in place).
 */
public final class ChromiumPreferences {
  private ChromiumPreferences() {}

  /** Not {@link servicerunner.json.Json}'s strict, ASCII-only mapper: Preferences is read and written as Chromium does. */
  static final ObjectMapper MAPPER = new ObjectMapper();
  public static final int ALLOW = 1;
  public static final int BLOCK = 2;

  /** An allowed site: its pattern and Chromium's last_modified (a string of µs since 1601), may be null. */
  public record Allowed(String pattern, String lastModified) {}

  public static List<Allowed> allowed(JsonNode prefs) {
    List<Allowed> out = new ArrayList<>();
    JsonNode n = notifications(prefs);
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode setting = e.getValue().get("setting");
      if (setting != null && setting.isNumber() && setting.asInt() == ALLOW) {
        JsonNode lm = e.getValue().get("last_modified");
        out.add(new Allowed(e.getKey(), lm == null || lm.isNull() ? null : lm.asText()));
      }
    }
    return out;
  }

  /** Sets the pattern's setting to BLOCK; false when the pattern is no longer there. */
  public static boolean block(JsonNode prefs, String pattern, Instant now) {
    JsonNode entry = notifications(prefs).get(pattern);
    if (!(entry instanceof ObjectNode)) {
      return false;
    }
    ObjectNode o = (ObjectNode) entry;
    o.put("setting", BLOCK);
    o.put("last_modified", Long.toString(windowsMicros(now)));
    return true;
  }

  /** "https://www.example.com:443,*" → "https://www.example.com:443". */
  public static String origin(String pattern) {
    int comma = pattern.indexOf(',');
    return comma > 0 ? pattern.substring(0, comma) : pattern;
  }

  /** Chromium's base::Time serialisation: microseconds since 1601-01-01 UTC. */
  static long windowsMicros(Instant t) {
    // ChronoUnit.MICROS.between goes through nanoseconds, which overflow a long over 425 years
    long seconds = t.getEpochSecond() - Instant.parse("1601-01-01T00:00:00Z").getEpochSecond();
    return seconds * 1_000_000L + t.getNano() / 1_000;
  }

  private static JsonNode notifications(JsonNode prefs) {
    return prefs.path("profile").path("content_settings").path("exceptions").path("notifications");
  }
}
