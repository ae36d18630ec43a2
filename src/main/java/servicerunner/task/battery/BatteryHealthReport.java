package servicerunner.task.battery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import servicerunner.json.Json;

/**
 * The battery_health_report summary from one battery's readings (pure). human_readable is a string, as the app
 * expects. A figure the source did not report is left out, never null (the renderer's time and state boxes test
 * for presence).
 */
public final class BatteryHealthReport {
  private BatteryHealthReport() {}

  public static ObjectNode build(BatteryData b, int batteryCount) {
    ObjectNode s = Json.object();
    Double capacity = b.energyFullWh() != null && b.energyFullDesignWh() != null && b.energyFullDesignWh() > 0
        ? Json.round(b.energyFullWh() * 100 / b.energyFullDesignWh(), 1) : null;
    String verdict = verdict(capacity);
    put(s, "vendor", b.vendor());
    put(s, "model", b.model());
    put(s, "serial_number", b.serialNumber());
    put(s, "technology", b.technology());
    put(s, "percent", Json.rounded(b.percent(), 1));
    put(s, "state", b.state());
    put(s, "capacity_percent", capacity);
    put(s, "temperature_c", Json.rounded(b.temperatureC(), 1));
    if (b.cycleCount() != null) {
      s.put("cycle_count", b.cycleCount());
    }
    put(s, "energy_wh", Json.rounded(b.energyWh(), 2));
    put(s, "energy_full_wh", Json.rounded(b.energyFullWh(), 2));
    put(s, "energy_full_design_wh", Json.rounded(b.energyFullDesignWh(), 2));
    put(s, "voltage_v", Json.rounded(b.voltageV(), 2));
    put(s, "time_to_empty", duration(b.timeToEmptySeconds()));
    put(s, "time_to_full", duration(b.timeToFullSeconds()));
    putLong(s, "time_to_empty_seconds", b.timeToEmptySeconds());
    putLong(s, "time_to_full_seconds", b.timeToFullSeconds());
    s.put("health_verdict", verdict);
    put(s, "wear_level_percent", capacity == null ? null : Json.round(Math.max(0, 100 - capacity), 1));
    s.put("battery_count", batteryCount);
    s.put("source", b.source());
    s.put("human_readable", sentence(b, capacity, verdict));
    return s;
  }

  /** Protocol 7.2 thresholds on full-charge capacity as a share of the design capacity. */
  static String verdict(Double capacityPercent) {
    if (capacityPercent == null) {
      return "Unknown";
    }
    return capacityPercent >= 90 ? "Excellent" : capacityPercent >= 80 ? "Good" : capacityPercent >= 70 ? "Fair"
        : capacityPercent >= 60 ? "Poor" : "Critical";
  }

  static String sentence(BatteryData b, Double capacity, String verdict) {
    List<String> parts = new ArrayList<>();
    String who = String.join(" ", nonNull(b.vendor(), b.model())).strip();
    parts.add("Battery health " + verdict
        + (capacity == null ? " (capacity not reported)" : ": " + capacity + "% of design capacity, wear "
            + Json.round(Math.max(0, 100 - capacity), 1) + "%"));
    if (b.cycleCount() != null) {
      parts.add(b.cycleCount() + " charge cycles");
    }
    if (b.percent() != null) {
      parts.add("charged " + Math.round(b.percent()) + "%" + (b.state() == null ? "" : " (" + b.state() + ")"));
    }
    return (who.isEmpty() ? "" : who + ": ") + String.join(", ", parts) + ".";
  }

  static String duration(Long seconds) {
    if (seconds == null) {
      return null;
    }
    long m = Math.round(seconds / 60.0);
    return m >= 60 ? (m / 60) + " h " + String.format(java.util.Locale.ROOT, "%02d", m % 60) + " min" : m + " min";
  }

  private static List<String> nonNull(String... s) {
    return Stream.of(s).filter(Objects::nonNull).toList();
  }

  private static void put(ObjectNode s, String k, String v) {
    if (v != null) {
      s.put(k, v);
    }
  }

  private static void put(ObjectNode s, String k, Double v) {
    if (v != null) {
      s.put(k, v);
    }
  }

  private static void putLong(ObjectNode s, String k, Long v) {
    if (v != null) {
      s.put(k, v);
    }
  }
}
