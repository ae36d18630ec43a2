package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

/**
 * The live state battery_cim.ps1 prints (fixtures/tool-output/battery_health_report/cim-*, whose summaries the golden
 * runner checks), read figure by figure; the task merges it into the powercfg capacities.
 */
class CimBatteryParserTest {

  static List<BatteryData> parse(String name) {
    return CimBatteryParser.parse(new String(Fixtures.bytes(Fixtures.path("tool-output", "battery_health_report",
        name)), StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void dischargingUnitsFromMilliUnits() {
    BatteryData b = parse("cim-discharging.rc0.utf8").get(0);
    assertEquals("Discharging", b.state());
    assertEquals(79.0, b.percent());
    assertEquals(15.833, b.voltageV(), 1e-9, "BatteryStatus.Voltage is mV");
    assertEquals(48.1, b.energyWh(), 1e-9, "RemainingCapacity is mWh");
    assertEquals(60.228, b.energyFullWh(), 1e-9);
    assertEquals(75.998, b.energyFullDesignWh(), 1e-9);
    assertEquals(8340L, b.timeToEmptySeconds(), "no BatteryRuntime and DischargeRate 0: Win32 EstimatedRunTime 139 min");
    assertEquals("LIon", b.technology(), "BatteryStaticData.Chemistry 1852787020 is \"LIon\" little-endian");
    assertEquals(null, b.serialNumber(), "a blank serial is not reported");
    assertEquals(null, b.temperatureC());
  }

  @Test
  void chargingTimeFromTheChargeRate() {
    BatteryData b = parse("cim-charging.rc0.utf8").get(0);
    assertEquals("Charging", b.state(), "root/wmi flags win over Win32_Battery's 2 (on AC)");
    assertEquals(3332L, b.timeToFullSeconds(), "(52.26 - 26.66) Wh / 27.656 W");
    assertEquals(null, b.timeToEmptySeconds());
    assertEquals(28.95, b.temperatureC(), 1e-9, "3021 tenths of a kelvin");
    assertEquals(null, b.cycleCount(), "0 means not counted");
  }

  @Test
  void onAcAndFullHasNoTimes() {
    BatteryData b = parse("cim-ac-full.rc0.utf8").get(0);
    assertEquals("Full", b.state());
    assertEquals(null, b.timeToEmptySeconds(), "EstimatedRunTime 71582788 and EstimatedRuntime 0xFFFFFFFF are unknown");
    assertEquals(null, b.timeToFullSeconds());
  }

  @Test
  void unknownSentinelsAndRelativeCapacitiesAreNotFigures() {
    BatteryData b = parse("cim-unknown-values.rc0.utf8").get(0);
    assertEquals(null, b.voltageV());
    assertEquals(null, b.energyWh());
    assertEquals(null, b.energyFullWh(), "Capabilities says relative: 100 is percent, not 0.1 Wh");
    assertEquals(null, b.energyFullDesignWh());
    assertEquals(null, b.percent());
    assertEquals(null, b.state(), "Win32_Battery 2 = on AC, charge state unknown");
    assertEquals(null, b.temperatureC());
    ObjectNode s = BatteryHealthReport.build(b, 1);
    for (String f : new String[] {"percent", "state", "voltage_v", "energy_wh", "temperature_c", "time_to_empty",
        "time_to_full", "cycle_count"}) {
      assertFalse(s.has(f), f + " must be absent, not null: " + s);
    }
  }

  @Test
  void win32OnlyFirmware() {
    BatteryData b = parse("cim-win32-only.rc0.utf8").get(0);
    assertEquals("Discharging", b.state());
    assertEquals(44.0, b.percent());
    assertEquals(8340L, b.timeToEmptySeconds());
    assertEquals(null, b.voltageV(), "Win32_Battery.DesignVoltage is not read as the live voltage");
  }

  @Test
  void noBatteryAndNoResult() {
    assertEquals(List.of(), parse("cim-no-battery.rc0.utf8"));
    assertTrue(CimBatteryParser.parse("Get-CimInstance : Access denied\r\n").isEmpty());
  }

  @Test
  void singleObjectsInsteadOfListsAreRead() throws Exception {
    List<BatteryData> b = CimBatteryParser.batteries(Json.parse("{\"Win32_Battery\":{\"BatteryStatus\":6,"
        + "\"EstimatedChargeRemaining\":12},\"BatteryStatus\":null}"));
    assertEquals(1, b.size());
    assertEquals("Charging", b.get(0).state());
    assertEquals(12.0, b.get(0).percent());
  }

  @Test
  void liveStateIsMergedIntoThePowercfgCapacities() {
    BatteryData powercfg = PowercfgReportParserTest.parse("powercfg-one-battery.rc0.utf8").get(0);
    BatteryData merged = powercfg.withLive(parse("cim-discharging.rc0.utf8").get(0));
    assertEquals("powercfg+cim", merged.source());
    assertEquals(powercfg.energyFullDesignWh(), merged.energyFullDesignWh(), "capacities stay powercfg's");
    assertEquals(powercfg.vendor(), merged.vendor());
    assertEquals("Discharging", merged.state());
    assertEquals(48.1, merged.energyWh(), 1e-9);
    assertEquals(312, merged.cycleCount(), "powercfg's cycle count wins over CIM's 60");
  }
}
