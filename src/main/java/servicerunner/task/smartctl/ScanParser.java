package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import servicerunner.json.Json;

/** Reads {@code smartctl --scan -j}: {"devices":[{"name","info_name","type","protocol"}]} (vendor source). */
final class ScanParser {
  private ScanParser() {}

  record Device(String name, String infoName, String type, String protocol) {}

  record Scan(List<Device> devices, int exitStatus, JsonNode json) {}

  /** @throws IOException when the text is not JSON (e.g. an old smartctl without -j) */
  static Scan parse(String text) throws IOException {
    JsonNode root = Json.mapper().readTree(text.isBlank() ? "null" : text);
    if (root == null || !root.isObject()) {
      throw new IOException("smartctl --scan -j printed no JSON object");
    }
    List<Device> devices = new ArrayList<>();
    for (JsonNode d : root.path("devices")) {
      String name = d.path("name").asText("");
      if (!name.isEmpty()) {
        devices.add(new Device(name, d.path("info_name").asText(name), d.path("type").asText(""),
            d.path("protocol").asText("")));
      }
    }
    return new Scan(devices, root.path("smartctl").path("exit_status").asInt(0), root);
  }
}
