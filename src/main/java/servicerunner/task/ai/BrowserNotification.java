package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import servicerunner.json.Json;

/**
 * One site allowed to show notifications in one browser profile. {@code pattern} is Chromium's content-settings
 * key (e.g. {@code https://www.example.com:443,*}); {@code origin} is its readable first half.
 */
public record BrowserNotification(String id, String browser, String processName, String profile, String origin,
    String pattern, String lastModified, Path preferencesFile) implements AiReviewTask.Item {

  @Override
  public ObjectNode brief() {
    return Json.object().put("id", id).put("origin", origin).put("browser", browser).put("profile", profile);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = brief().put("type", "notification").put("permission", "allowed").put("pattern", pattern);
    if (lastModified != null) {
      o.put("last_modified", lastModified);
    }
    return o.put("prefs_file", preferencesFile.toString());
  }

  @Override
  public ObjectNode asListed(ObjectNode recommendation, boolean disabled) {
    return recommendation.put("permission", disabled ? "blocked" : "allowed");
  }
}
