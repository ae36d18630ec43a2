package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import servicerunner.json.Json;

/**
 * One site allowed to show notifications in one browser profile. {@code pattern} is Chromium's content-settings
 * key (e.g. {@code https://www.example.com:443,*}); {@code origin} is its readable first half.
 */
public record BrowserNotification(
    String id,
    String browser,
    String processName,
    String profile,
    String origin,
    String pattern,
    String lastModified,
    Path preferencesFile) {

  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("origin", origin);
    o.put("browser", browser);
    o.put("profile", profile);
    o.put("type", "notification");
    o.put("permission", "allowed");
    o.put("pattern", pattern);
    if (lastModified != null) {
      o.put("last_modified", lastModified);
    }
    o.put("prefs_file", preferencesFile.toString());
    return o;
  }
}
