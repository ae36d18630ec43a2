package servicerunner.task.battery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import servicerunner.json.Json;
import servicerunner.json.MarkedJson;

/**
 * Reads the live battery state that {@code battery_cim.ps1} prints (one JSON document between marker lines) into
 * one {@link BatteryData} per battery, in common units. Pure: text in, readings out. A figure Windows does not
 * report stays null, including the drivers' "unknown" values: 0xFFFFFFFF for capacities, voltage and times
 * (BATTERY_UNKNOWN_*, batclass.h), 0x80000000 for rates, 71582788 minutes (0xFFFFFFFF seconds / 60) for
 * Win32_Battery.EstimatedRunTime, and 0 where a firmware leaves a field empty.
 */
public final class CimBatteryParser {
  private CimBatteryParser() {}

  static final String BEGIN = "SR-BATTERY-JSON-BEGIN";
  static final String END = "SR-BATTERY-JSON-END";
  private static final long UNKNOWN_U32 = 0xFFFFFFFFL;
  private static final long UNKNOWN_RATE = 0x80000000L;
  private static final long UNKNOWN_RUN_MINUTES = 71582788L;
  /** BatteryStaticData.Capabilities: capacities are relative (percent), not mWh (BATTERY_CAPACITY_RELATIVE). */
  private static final long CAPACITY_RELATIVE = 0x40000000L;

  /** The readings, or empty when the output holds no result document (the script did not run to its end). */
  public static Optional<List<BatteryData>> parse(String stdout) {
    return MarkedJson.extract(stdout, BEGIN, END).map(CimBatteryParser::batteries);
  }

  static List<BatteryData> batteries(JsonNode root) {
    List<JsonNode> status = new ArrayList<>(rows(root, "BatteryStatus"));
    status.removeIf(r -> r.path("Active").isBoolean() && !r.path("Active").asBoolean());
    status.sort(Comparator.comparing(r -> r.path("InstanceName").asText("")));
    Map<String, JsonNode> full = byInstance(root, "BatteryFullChargedCapacity");
    Map<String, JsonNode> statics = byInstance(root, "BatteryStaticData");
    Map<String, JsonNode> cycles = byInstance(root, "BatteryCycleCount");
    Map<String, JsonNode> temps = byInstance(root, "BatteryTemperature");
    Map<String, JsonNode> runtimes = byInstance(root, "BatteryRuntime");
    // Win32_Battery has no InstanceName; with several batteries both lists follow the ACPI battery order
    List<JsonNode> win = rows(root, "Win32_Battery");
    List<BatteryData> out = new ArrayList<>();
    for (int i = 0; i < Math.max(status.size(), win.size()); i++) {
      JsonNode st = i < status.size() ? status.get(i) : missing();
      String inst = st.path("InstanceName").asText("");
      out.add(battery(i, st, i < win.size() ? win.get(i) : missing(), full.getOrDefault(inst, missing()),
          statics.getOrDefault(inst, missing()), cycles.getOrDefault(inst, missing()),
          temps.getOrDefault(inst, missing()), runtimes.getOrDefault(inst, missing())));
    }
    return out;
  }

  private static BatteryData battery(int i, JsonNode st, JsonNode win, JsonNode full, JsonNode stat, JsonNode cyc,
      JsonNode temp, JsonNode run) {
    boolean relative = (u32(stat, "Capabilities").orElse(0L) & CAPACITY_RELATIVE) != 0;
    Double remainingWh = relative ? null : milli(u32(st, "RemainingCapacity"));
    Double fullWh = relative ? null : milli(u32(full, "FullChargedCapacity"));
    Double designWh = relative ? null : milli(u32(stat, "DesignedCapacity"));
    Double voltage = milli(u32(st, "Voltage"));
    Double percent = u32(win, "EstimatedChargeRemaining").filter(p -> p <= 100).map(Long::doubleValue).orElse(null);
    if (percent == null && remainingWh != null && fullWh != null) {
      percent = Math.min(100, remainingWh * 100 / fullWh);
    }
    String state = state(st, win, percent);
    Long toEmpty = null;
    Long toFull = null;
    if ("Discharging".equals(state)) {
      toEmpty = u32(run, "EstimatedRuntime").orElse(null);
      if (toEmpty == null) {
        toEmpty = minutes(win, "EstimatedRunTime");
      }
      Long rate = rate(st, "DischargeRate");
      if (toEmpty == null && rate != null && remainingWh != null) {
        toEmpty = Math.round(remainingWh / (rate / 1000.0) * 3600);
      }
    } else if ("Charging".equals(state)) {
      toFull = minutes(win, "TimeToFullCharge");
      Long rate = rate(st, "ChargeRate");
      if (toFull == null && rate != null && remainingWh != null && fullWh != null && fullWh > remainingWh) {
        toFull = Math.round((fullWh - remainingWh) / (rate / 1000.0) * 3600);
      }
    }
    Double celsius = u32(temp, "Temperature").map(t -> t / 10.0 - 273.15).orElse(null);
    Integer cycleCount = u32(cyc, "CycleCount").map(Long::intValue).orElse(null);
    return new BatteryData("cim", "Battery " + (i + 1), text(stat, "ManufactureName"), text(stat, "DeviceName"),
        text(stat, "SerialNumber"), chemistry(stat, win), percent, state, celsius, cycleCount, remainingWh, fullWh,
        designWh, voltage, toEmpty, toFull);
  }

  /**
   * The root/wmi flags first (they say charging and discharging directly); else Win32_Battery.BatteryStatus,
   * where many drivers report only 1 (discharging) or 2 (on AC, charge state unknown).
   */
  static String state(JsonNode st, JsonNode win, Double percent) {
    if (st.path("Charging").asBoolean(false)) {
      return "Charging";
    }
    if (st.path("Discharging").asBoolean(false)) {
      return "Discharging";
    }
    if (st.path("PowerOnline").asBoolean(false)) {
      return percent != null && percent >= 99 ? "Full" : "Not charging";
    }
    long code = u32(win, "BatteryStatus").orElse(0L);
    if (code == 3) {
      return "Full";
    }
    if (code == 1 || code == 4 || code == 5) {
      return "Discharging";
    }
    if (code >= 6 && code <= 9) {
      return "Charging";
    }
    return null;
  }

  /** BatteryStaticData.Chemistry is four ASCII letters in a little-endian uint32 ("LION", "LiP"); else Win32's code. */
  static String chemistry(JsonNode stat, JsonNode win) {
    Optional<Long> packed = u32(stat, "Chemistry");
    if (packed.isPresent()) {
      StringBuilder sb = new StringBuilder();
      for (int shift = 0; shift < 32; shift += 8) {
        char c = (char) ((packed.get() >> shift) & 0xFF);
        if (c >= 0x20 && c < 0x7F) {
          sb.append(c);
        }
      }
      String s = sb.toString().strip();
      if (!s.isEmpty()) {
        return s;
      }
    }
    switch (u32(win, "Chemistry").orElse(0L).intValue()) {
      case 3: return "Lead Acid";
      case 4: return "NiCd";
      case 5: return "NiMH";
      case 6: return "Li-ion";
      case 7: return "Zinc air";
      case 8: return "Li-poly";
      default: return null;
    }
  }

  private static Long minutes(JsonNode row, String key) {
    return u32(row, key).filter(m -> m < UNKNOWN_RUN_MINUTES).map(m -> m * 60).orElse(null);
  }

  /** A charge or discharge rate in mW, when known and not zero. */
  private static Long rate(JsonNode row, String key) {
    JsonNode n = row.get(key);
    if (n == null || !n.isIntegralNumber()) {
      return null;
    }
    long v = Math.abs(n.asLong());
    return v == 0 || v >= UNKNOWN_RATE ? null : v;
  }

  /** A reported unsigned value: absent, null, 0 and the all-ones "unknown" are all empty. */
  private static Optional<Long> u32(JsonNode row, String key) {
    JsonNode n = row.get(key);
    if (n == null || !n.isNumber()) {
      return Optional.empty();
    }
    long v = n.asLong();
    return v <= 0 || v >= UNKNOWN_U32 ? Optional.empty() : Optional.of(v);
  }

  private static Double milli(Optional<Long> v) {
    return v.map(x -> x / 1000.0).orElse(null);
  }

  private static String text(JsonNode row, String key) {
    String s = row.path(key).asText("").strip();
    return s.isEmpty() ? null : s;
  }

  /** A class's instances: ConvertTo-Json gives a list, a single object, or null. */
  private static List<JsonNode> rows(JsonNode root, String cls) {
    return Json.elements(root.path(cls)).stream().filter(JsonNode::isObject).toList();
  }

  private static Map<String, JsonNode> byInstance(JsonNode root, String cls) {
    Map<String, JsonNode> m = new HashMap<>();
    rows(root, cls).forEach(r -> m.putIfAbsent(r.path("InstanceName").asText(""), r));
    return m;
  }

  private static JsonNode missing() {
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
