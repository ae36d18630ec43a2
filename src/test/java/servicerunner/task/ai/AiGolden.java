package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.task.wintools.RegQueryParser.RegValue;
import servicerunner.task.wintools.RegQueryParser;

/** The golden runner's entries for the AI types' inputs, whose readers are package-private. */
public final class AiGolden {
  private AiGolden() {}

  /** ai_startup_disable: the values of {@code reg query} output. */
  public static JsonNode regValues(String text) {
    return toJson(RegQueryParser.parse(text));
  }

  static ArrayNode toJson(List<RegValue> values) {
    ArrayNode a = Json.array();
    values.forEach(v -> a.addObject().put("key", v.key()).put("name", v.name()).put("type", v.type())
        .put("data", v.data()));
    return a;
  }

  /** ai_browser_notification_disable: the sites a Chromium Preferences file allows to notify. */
  public static JsonNode allowedSites(byte[] preferences) {
    try {
      JsonNode prefs = ChromiumNotifications.MAPPER.readTree(preferences);
      ArrayNode out = Json.array();
      ChromiumNotifications.allowed(prefs).forEach((pattern, lastModified) -> out.addObject().put("pattern", pattern)
          .put("origin", ChromiumNotifications.origin(pattern)).put("last_modified", lastModified));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
