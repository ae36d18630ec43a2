package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import servicerunner.json.Json;

/** The golden runner's entry for smartctl_report, whose parsers are package-private. */
public final class SmartctlGolden {
  private SmartctlGolden() {}

  /** scan-* cases are {@code smartctl --scan -j} outputs; the others {@code smartctl -a <dev> -j}. */
  public static JsonNode parse(String caseName, String text) {
    if (!caseName.startsWith("scan-")) {
      return DriveParser.parse(text, "/dev/requested", false);
    }
    try {
      ScanParser.Scan scan = ScanParser.parse(text);
      ObjectNode o = Json.object();
      o.put("exit_status", scan.exitStatus());
      var arr = o.putArray("devices");
      scan.devices().forEach(d -> arr.addObject().put("name", d.name()).put("info_name", d.infoName())
          .put("type", d.type()).put("protocol", d.protocol()));
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
