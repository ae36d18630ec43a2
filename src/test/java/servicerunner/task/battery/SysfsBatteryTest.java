package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Fixtures;

/** A fake /sys/class/power_supply tree (real folders and files in a temp dir) read by the task's reader. */
class SysfsBatteryTest {

  /** Writes one power_supply folder; values end with a newline as the kernel writes them. */
  static void supply(Path root, String name, Map<String, String> attrs) throws IOException {
    Path d = Files.createDirectories(root.resolve(name));
    for (var e : attrs.entrySet()) {
      Files.writeString(d.resolve(e.getKey()), e.getValue() + "\n");
    }
  }

  /** A ThinkPad-like energy_* battery, a charge_* battery, mains power and a wireless mouse. */
  static Path fakeTree(Path root) throws IOException {
    supply(root, "AC", Map.of("type", "Mains", "online", "0"));
    supply(root, "BAT0", Map.ofEntries(Map.entry("type", "Battery"), Map.entry("status", "Discharging"),
        Map.entry("present", "1"), Map.entry("technology", "Li-poly"), Map.entry("cycle_count", "312"),
        Map.entry("voltage_min_design", "11520000"), Map.entry("voltage_now", "12345000"),
        Map.entry("power_now", "8540000"), Map.entry("energy_full_design", "57020000"),
        Map.entry("energy_full", "48450000"), Map.entry("energy_now", "38760000"), Map.entry("capacity", "80"),
        Map.entry("model_name", "5B10W13975"), Map.entry("manufacturer", "SMP"), Map.entry("serial_number", " 1234")));
    supply(root, "BAT1", Map.ofEntries(Map.entry("type", "Battery"), Map.entry("status", "Charging"),
        Map.entry("technology", "Li-ion"), Map.entry("voltage_min_design", "7600000"),
        Map.entry("voltage_now", "8100000"), Map.entry("current_now", "1500000"),
        Map.entry("charge_full_design", "6000000"), Map.entry("charge_full", "4200000"),
        Map.entry("charge_now", "2100000"), Map.entry("cycle_count", "0"), Map.entry("temp", "312")));
    supply(root, "hidpp_battery_0", Map.of("type", "Battery", "scope", "Device", "capacity", "55",
        "model_name", "Wireless Mouse"));
    return root;
  }

  @Test
  void readsSystemBatteriesOnlyInNameOrder(@TempDir Path tmp) throws IOException {
    List<BatteryData> all = BatteryHealthReportTask.readSysfs(fakeTree(tmp));
    assertEquals(List.of("BAT0", "BAT1"), all.stream().map(BatteryData::name).toList());
  }

  @Test
  void energyBattery(@TempDir Path tmp) throws IOException {
    BatteryData b = BatteryHealthReportTask.readSysfs(fakeTree(tmp)).get(0);
    assertEquals(57.02, b.energyFullDesignWh(), 1e-9);
    assertEquals(48.45, b.energyFullWh(), 1e-9);
    assertEquals(80.0, b.percent());
    assertEquals(312, b.cycleCount());
    assertEquals("1234", b.serialNumber());
    assertEquals(16339L, b.timeToEmptySeconds(), "38.76 Wh / 8.54 W = 4.54 h");
    assertNull(b.temperatureC());
  }

  @Test
  void chargeBatteryIsConvertedWithTheDesignVoltage(@TempDir Path tmp) throws IOException {
    BatteryData b = BatteryHealthReportTask.readSysfs(fakeTree(tmp)).get(1);
    assertEquals(45.6, b.energyFullDesignWh(), 1e-9); // 6 Ah * 7.6 V
    assertEquals(31.92, b.energyFullWh(), 1e-9);
    assertEquals(50.0, b.percent(), 1e-9, "no capacity file: energy_now / energy_full");
    assertNull(b.cycleCount(), "0 means the firmware does not count");
    assertEquals(31.2, b.temperatureC(), 1e-9);
    assertEquals(4729L, b.timeToFullSeconds(), "(31.92 - 15.96) Wh / (1.5 A * 8.1 V) = 1.31 h");
  }

  @Test
  void missingRootMeansNoBattery(@TempDir Path tmp) {
    assertEquals(List.of(), BatteryHealthReportTask.readSysfs(tmp.resolve("absent")));
  }

  // recorded trees (fixtures/tool-output/battery_health_report/sysfs-*), whose summaries the golden runner checks

  static List<BatteryData> read(String name) {
    return BatteryHealthReportTask.readSysfs(Fixtures.path("tool-output", "battery_health_report", name));
  }

  @Test
  void energyBatteryWithoutCapacityFile() {
    BatteryData b = read("sysfs-asus-ux32-discharging.rc0.tree").get(0);
    assertEquals(88.45, b.percent(), 0.01, "energy_now / energy_full");
    assertEquals(7.982, b.voltageV(), 1e-9);
    assertEquals(8672L, b.timeToEmptySeconds(), "39.459 Wh / 16.38 W");
    assertEquals(null, b.serialNumber());
  }

  @Test
  void chargingTimeToFull() {
    BatteryData b = read("sysfs-thinkpad-charging.rc0.tree").get(0);
    assertEquals("Charging", b.state());
    assertEquals(3332L, b.timeToFullSeconds(), "(52.26 - 26.66) Wh / 27.656 W");
    assertEquals("756", b.serialNumber());
  }

  @Test
  void smartBatteryTemperatureAndAverageTimes() {
    BatteryData b = read("sysfs-sbs-battery.rc0.tree").get(0);
    assertEquals(19.8, b.temperatureC(), 1e-9, "temp is tenths of a degree C");
    assertEquals(438600L, b.timeToEmptySeconds(), "time_to_empty_avg when there is no time_to_empty_now");
    assertEquals(12, b.cycleCount());
  }

  @Test
  void devicesAndUsbPortsAreNoSystemBattery() {
    assertEquals(List.of(), read("sysfs-desktop-no-battery.rc0.tree"));
  }
}
