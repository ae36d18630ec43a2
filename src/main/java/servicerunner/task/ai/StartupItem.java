package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import servicerunner.json.Json;

/**
 * One thing Windows starts at logon: a Run/RunOnce registry value ({@code registryKey} + {@code valueName}) or a
 * file in a Startup folder ({@code file}). {@code id} is what the model must quote back.
 */
public record StartupItem(
    String id,
    String name,
    String command,
    String location,
    String locationDisplay,
    String publisher,
    boolean microsoftSigned,
    String registryKey,
    String valueName,
    Path file) {

  public boolean isRegistry() {
    return registryKey != null;
  }

  /** The fields the app's "All Startup Items" table and the model see. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("name", name);
    o.put("command", command);
    o.put("location", location);
    o.put("location_display", locationDisplay);
    if (publisher == null) {
      o.putNull("publisher");
    } else {
      o.put("publisher", publisher);
    }
    o.put("is_microsoft_signed", microsoftSigned);
    if (isRegistry()) {
      o.put("registry_key", registryKey);
      o.put("value_name", valueName);
    } else {
      o.put("file_path", file.toString());
    }
    return o;
  }
}
