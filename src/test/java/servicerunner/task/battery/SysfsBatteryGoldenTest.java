package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

/** Recorded /sys/class/power_supply trees (fixtures/tool-output/battery_health_report/sysfs-*) against their summaries. */
class SysfsBatteryGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("battery_health_report").stream()
        .filter(p -> p.getFileName().toString().startsWith("sysfs-")).toList();
  }

  static List<BatteryData> read(String name) {
    return BatteryHealthReportTask.readSysfs(Fixtures.path("tool-output", "battery_health_report", name));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path tree) {
    List<BatteryData> all = BatteryHealthReportTask.readSysfs(tree);
    ObjectNode o = Json.object();
    var arr = o.putArray("batteries");
    all.forEach(b -> arr.add(BatteryHealthReport.build(b, all.size())));
    Fixtures.assertGolden(tree, o);
  }

  @Test
  void energyBatteryWithoutCapacityFile() {
    BatteryData b = read("sysfs-asus-ux32-discharging").get(0);
    assertEquals(88.45, b.percent(), 0.01, "energy_now / energy_full");
    assertEquals(7.982, b.voltageV(), 1e-9);
    assertEquals(8672L, b.timeToEmptySeconds(), "39.459 Wh / 16.38 W");
    assertEquals(null, b.serialNumber());
  }

  @Test
  void chargingTimeToFull() {
    BatteryData b = read("sysfs-thinkpad-charging").get(0);
    assertEquals("Charging", b.state());
    assertEquals(3332L, b.timeToFullSeconds(), "(52.26 - 26.66) Wh / 27.656 W");
    assertEquals("756", b.serialNumber());
  }

  @Test
  void smartBatteryTemperatureAndAverageTimes() {
    BatteryData b = read("sysfs-sbs-battery").get(0);
    assertEquals(19.8, b.temperatureC(), 1e-9, "temp is tenths of a degree C");
    assertEquals(438600L, b.timeToEmptySeconds(), "time_to_empty_avg when there is no time_to_empty_now");
    assertEquals(12, b.cycleCount());
  }

  @Test
  void devicesAndUsbPortsAreNoSystemBattery() {
    assertEquals(List.of(), read("sysfs-desktop-no-battery"));
  }
}
