package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RendererFields;

class BatteryHealthReportTest {

  static BatteryData sample() {
    return new BatteryData("sysfs", "BAT0", "SMP", "5B10W13975", "1234", "Li-poly", 80.0, "Discharging", 31.2, 312,
        38.76, 48.45, 57.02, 12.345, 16339L, null);
  }

  @Test
  void healthFromCapacity() {
    ObjectNode s = BatteryHealthReport.build(sample(), 1);
    assertEquals(85.0, s.get("capacity_percent").asDouble());
    assertEquals(15.0, s.get("wear_level_percent").asDouble());
    assertEquals("Good", s.get("health_verdict").asText());
    assertEquals("4 h 32 min", s.get("time_to_empty").asText());
    assertEquals("SMP 5B10W13975: Battery health Good: 85.0% of design capacity, wear 15.0%, 312 charge cycles,"
        + " charged 80% (Discharging).", s.get("human_readable").asText());
  }

  @Test
  void verdictThresholds() {
    assertEquals("Excellent", BatteryHealthReport.verdict(90.0));
    assertEquals("Good", BatteryHealthReport.verdict(80.0));
    assertEquals("Fair", BatteryHealthReport.verdict(70.0));
    assertEquals("Poor", BatteryHealthReport.verdict(60.0));
    assertEquals("Critical", BatteryHealthReport.verdict(59.9));
    assertEquals("Unknown", BatteryHealthReport.verdict(null));
  }

  /** Every field the app's battery renderer reads (contract section 6); human_readable is a STRING. */
  @Test
  void rendererFields() {
    ObjectNode s = BatteryHealthReport.build(sample(), 1);
    for (String f : new String[] {"vendor", "model", "serial_number", "technology", "state", "health_verdict",
        "time_to_empty", "human_readable"}) {
      RendererFields.assertField(s, f, JsonNodeType.STRING);
    }
    for (String f : new String[] {"percent", "capacity_percent", "temperature_c", "cycle_count", "energy_wh",
        "energy_full_wh", "energy_full_design_wh", "voltage_v", "wear_level_percent"}) {
      RendererFields.assertField(s, f, JsonNodeType.NUMBER);
    }
    assertFalse(s.has("time_to_full"), "not reported, so absent: the renderer tests for presence, null is no figure");
  }
}
