package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import servicerunner.json.Json;

/**
 * One thing Windows starts at logon: a Run/RunOnce registry value ({@code registryKey} + {@code valueName}) or a
 * file in a Startup folder ({@code file}).
 */
public record StartupItem(String id, String name, String command, String location, String locationDisplay,
    String publisher, boolean microsoftSigned, String registryKey, String valueName, Path file)
    implements AiReviewTask.Item {

  public boolean isRegistry() {
    return registryKey != null;
  }

  @Override
  public ObjectNode brief() {
    ObjectNode o = Json.object().put("id", id).put("name", name).put("command", command).put("location", location)
        .put("location_display", locationDisplay).put("publisher", publisher);
    return o.put("is_microsoft_signed", microsoftSigned);
  }

  @Override
  public ObjectNode toJson() {
    return isRegistry() ? brief().put("registry_key", registryKey).put("value_name", valueName)
        : brief().put("file_path", file.toString());
  }

  @Override
  public ObjectNode asListed(ObjectNode recommendation, boolean disabled) {
    if (disabled) {
      recommendation.remove(List.of("publisher", "is_microsoft_signed", "risk", "confidence"));
    }
    return recommendation;
  }
}
