package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

/** powercfg /batteryreport HTML (fixtures/tool-output/battery_health_report/powercfg-*) read figure by figure. */
class PowercfgReportParserTest {

  static List<BatteryData> parse(String name) {
    return PowercfgReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output",
        "battery_health_report", name))));
  }

  @Test
  void oneBattery() {
    List<BatteryData> b = parse("powercfg-one-battery.rc0.utf8");
    assertEquals(1, b.size());
    assertEquals("SMP", b.get(0).vendor());
    assertEquals("5B10W13975", b.get(0).model());
    assertEquals("1234", b.get(0).serialNumber());
    assertEquals(57.02, b.get(0).energyFullDesignWh());
    assertEquals(48.45, b.get(0).energyFullWh());
    assertEquals(312, b.get(0).cycleCount());
  }

  @Test
  void twoBatteryColumnsAndMissingValues() {
    List<BatteryData> b = parse("powercfg-two-batteries.rc0.utf8");
    assertEquals(2, b.size());
    assertEquals(null, b.get(0).serialNumber(), "\"-\" means not reported");
    assertEquals(841, b.get(0).cycleCount());
    assertEquals(null, b.get(1).cycleCount());
    assertEquals("LGC", b.get(1).vendor());
  }

  @Test
  void localeSeparatorsAndBom() {
    List<BatteryData> b = parse("powercfg-locale-separators.rc0.utf8");
    assertEquals(45.73, b.get(0).energyFullDesignWh(), "45\u00a0730 mWh");
    assertEquals(38.106, b.get(0).energyFullWh(), "38.106 mWh");
  }

  @Test
  void noBatteryTableIsEmpty() {
    assertEquals(List.of(), parse("powercfg-no-battery.rc0.utf8"));
    assertEquals(List.of(), PowercfgReportParser.parse("<html><body>no report</body></html>"));
  }
}
