package servicerunner.task.battery;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the attribute files of one {@code /sys/class/power_supply/<name>} folder (name -> trimmed content) into
 * {@link BatteryData}. Pure. Units per the kernel's sysfs-class-power ABI: energy in uWh, charge in uAh, voltage in
 * uV, power in uW, current in uA, temperature in tenths of a degree C, times in seconds. Attributes a driver does not
 * provide stay null; a status of "Unknown" is no state.
 */
public final class SysfsBattery {
  private SysfsBattery() {}

  /** A system battery: type Battery and not a device's own (wireless mouse, headset: scope Device). */
  public static boolean isSystemBattery(Map<String, String> a) {
    return "battery".equalsIgnoreCase(a.getOrDefault("type", "")) && !"device".equalsIgnoreCase(a.getOrDefault("scope", ""));
  }

  public static BatteryData from(String name, Map<String, String> a) {
    Double volt = micro(a, "voltage_now");
    Double voltDesign = micro(a, "voltage_min_design");
    // charge_* batteries report uAh; Wh needs a voltage, the design minimum is the stable one (as UPower does)
    Double whPerAh = voltDesign != null ? voltDesign : volt;
    Double energy = or(micro(a, "energy_now"), () -> times(micro(a, "charge_now"), whPerAh));
    Double full = or(micro(a, "energy_full"), () -> times(micro(a, "charge_full"), whPerAh));
    Double design = or(micro(a, "energy_full_design"), () -> times(micro(a, "charge_full_design"), whPerAh));
    Double percent = number(a, "capacity");
    if (percent == null && energy != null && full != null && full > 0) {
      percent = energy * 100 / full;
    }
    Double power = abs(micro(a, "power_now"));
    if (power == null && volt != null) {
      // the sign of current_now differs between drivers (sbs-battery reports discharge as negative)
      power = times(abs(micro(a, "current_now")), volt);
    }
    String state = a.get("status");
    if (state != null && (state.isBlank() || state.equalsIgnoreCase("unknown"))) {
      state = null;
    }
    Long toEmpty = or(longValue(a, "time_to_empty_now"), () -> longValue(a, "time_to_empty_avg"));
    Long toFull = or(longValue(a, "time_to_full_now"), () -> longValue(a, "time_to_full_avg"));
    if (power != null && power > 0 && energy != null && state != null) {
      String st = state.toLowerCase(Locale.ROOT);
      if (toEmpty == null && st.equals("discharging")) {
        toEmpty = Math.round(energy / power * 3600);
      }
      if (toFull == null && st.equals("charging") && full != null && full > energy) {
        toFull = Math.round((full - energy) / power * 3600);
      }
    }
    // a time belongs to its state: smart batteries report time_to_full_avg 65535 min ("none") while discharging
    String lower = state == null ? "" : state.toLowerCase(Locale.ROOT);
    if (!lower.equals("discharging")) {
      toEmpty = null;
    }
    if (!lower.equals("charging")) {
      toFull = null;
    }
    Double temp = number(a, "temp");
    Integer cycles = number(a, "cycle_count") == null ? null : number(a, "cycle_count").intValue();
    if (cycles != null && cycles <= 0) {
      cycles = null; // many firmwares report 0 when they do not count cycles
    }
    return new BatteryData("sysfs", name, text(a, "manufacturer"), text(a, "model_name"), text(a, "serial_number"),
        text(a, "technology"), percent, state, temp == null ? null : temp / 10, cycles, energy, full, design, volt,
        toEmpty, toFull);
  }

  private static <T> T or(T value, Supplier<T> fallback) {
    return value != null ? value : fallback.get();
  }

  private static Double abs(Double d) {
    return d == null ? null : Math.abs(d);
  }

  private static Double times(Double a, Double b) {
    return a == null || b == null ? null : a * b;
  }

  private static Double micro(Map<String, String> a, String key) {
    Double d = number(a, key);
    return d == null ? null : d / 1e6;
  }

  private static Long longValue(Map<String, String> a, String key) {
    Double d = number(a, key);
    return d == null || d <= 0 ? null : d.longValue();
  }

  static Double number(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Map<String, String> a, String key) {
    String v = a.get(key);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
