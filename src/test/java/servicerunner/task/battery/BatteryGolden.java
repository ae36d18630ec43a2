package servicerunner.task.battery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import servicerunner.json.Json;

/** The golden runner's entry for battery_health_report: three sources, one summary per battery found. */
public final class BatteryGolden {
  private BatteryGolden() {}

  /**
   * The case name's first word is its source: {@code cim} (the CIM script's stdout), {@code powercfg} (the HTML
   * battery report) or {@code sysfs} (a power_supply folder, read from {@code path}).
   */
  public static JsonNode parse(String source, String text, Path path) {
    return summaries(read(source, text, path));
  }

  static List<BatteryData> read(String source, String text, Path path) {
    switch (source) {
      case "cim":
        return CimBatteryParser.parse(text).orElseThrow();
      case "powercfg":
        return PowercfgReportParser.parse(text);
      case "sysfs":
        return BatteryHealthReportTask.readSysfs(path);
      default:
        throw new IllegalArgumentException("a battery case starts with cim-, powercfg- or sysfs-: " + source);
    }
  }

  private static ObjectNode summaries(List<BatteryData> all) {
    ObjectNode o = Json.object();
    ArrayNode arr = o.putArray("batteries");
    all.forEach(b -> arr.add(BatteryHealthReport.build(b, all.size())));
    return o;
  }
}
