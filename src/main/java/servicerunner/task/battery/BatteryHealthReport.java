package servicerunner.task.battery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import servicerunner.figures.UnknownFigures;
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
    s.put("vendor", b.vendor());
    s.put("model", b.model());
    s.put("serial_number", b.serialNumber());
    s.put("technology", b.technology());
    s.put("percent", Json.rounded(b.percent(), 1));
    s.put("state", b.state());
    s.put("capacity_percent", capacity);
    s.put("temperature_c", Json.rounded(b.temperatureC(), 1));
    s.put("cycle_count", b.cycleCount());
    s.put("energy_wh", Json.rounded(b.energyWh(), 2));
    s.put("energy_full_wh", Json.rounded(b.energyFullWh(), 2));
    s.put("energy_full_design_wh", Json.rounded(b.energyFullDesignWh(), 2));
    s.put("voltage_v", Json.rounded(b.voltageV(), 2));
    s.put("time_to_empty", duration(b.timeToEmptySeconds()));
    s.put("time_to_full", duration(b.timeToFullSeconds()));
    s.put("time_to_empty_seconds", b.timeToEmptySeconds());
    s.put("time_to_full_seconds", b.timeToFullSeconds());
    s.put("health_verdict", verdict);
    s.put("wear_level_percent", capacity == null ? null : Json.round(Math.max(0, 100 - capacity), 1));
    s.put("battery_count", batteryCount);
    s.put("source", b.source());
    s.put("human_readable", sentence(b, capacity, verdict));
    UnknownFigures.omitNulls(s);
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
}
