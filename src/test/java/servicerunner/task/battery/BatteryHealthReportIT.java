package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** battery_health_report through the jar: this machine (no battery), a fake sysfs tree and a fake powercfg. */
class BatteryHealthReportIT {

  @Test
  void machineWithoutBatteryIsSkipped() throws Exception {
    boolean hasBattery = !BatteryHealthReportTask.readSysfs(Path.of(BatteryHealthReportTask.SYSFS)).isEmpty();
    RunResult r = RunnerProcess.jar(Fixtures.path("test_battery_health_report.json").toString()).run();
    r.assertExit(0).assertProtocolClean();
    if (hasBattery) {
      r.assertStatus(0, "success");
      return;
    }
    r.assertStatus(0, "skipped");
    assertEquals("No battery found", r.result(0).at("/summary/human_readable").asText());
    assertTrue(r.taskMarkers().contains("TASK_SKIP:0:battery_health_report - No battery found"), r.taskMarkers().toString());
    assertEquals("success", r.report().get("overall_status").asText());
  }

  @Test
  void fakeSysfsTree(@TempDir Path tmp) throws Exception {
    SysfsBatteryTest.fakeTree(tmp);
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"sysfs_root\":\""
        + tmp.toString().replace("\\", "\\\\") + "\"},{\"type\":\"battery_health_report\",\"index\":1,"
        + "\"sysfs_root\":\"" + tmp.toString().replace("\\", "\\\\") + "\",\"source\":\"sysfs\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("SMP", s.get("vendor").asText());
    assertEquals(85.0, s.get("capacity_percent").asDouble());
    assertEquals("Good", s.get("health_verdict").asText());
    assertEquals(2, s.get("battery_count").asInt());
    assertTrue(s.get("human_readable").isTextual());
    JsonNode second = r.result(1).get("summary");
    assertEquals(70.0, second.get("capacity_percent").asDouble());
    assertEquals("Fair", second.get("health_verdict").asText());
  }

  @Test
  void fakePowercfgReport() throws Exception {
    Path fake = Fixtures.path("fake-tools", "powercfg");
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"source\":\"powercfg\","
        + "\"executable_path\":\"" + fake + "\"}]}").env("FAKE_BATTERY_REPORT", "powercfg-two-batteries.rc0.utf8").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("SANYO", s.get("vendor").asText());
    assertEquals(60.0, s.get("capacity_percent").asDouble());
    assertEquals("Poor", s.get("health_verdict").asText());
    assertEquals("/batteryreport", r.result(0).get("command").get(1).asText());
    assertTrue(Files.exists(fake));
  }

  /**
   * Issue 10: on Windows the renderer's live boxes (state, charge, temperature, voltage, energy, time to empty) came
   * out null from powercfg alone. One PowerShell CIM run fills them, merged with powercfg's capacities.
   */
  @Test
  void liveStateFromCimIsMergedWithThePowercfgCapacities() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"index\":0,"
        + "\"source\":\"powercfg\",\"executable_path\":\"" + Fixtures.path("fake-tools", "powercfg") + "\","
        + "\"powershell_path\":\"" + Fixtures.path("fake-tools", "battery-powershell") + "\"}]}")
        .env("FAKE_BATTERY_REPORT", "powercfg-one-battery.rc0.utf8").env("FAKE_BATTERY_CIM", "cim-charging.rc0.utf8").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("Charging", s.get("state").asText());
    assertEquals(51.0, s.get("percent").asDouble());
    assertEquals(29.0, s.get("temperature_c").asDouble());
    assertEquals(15.84, s.get("voltage_v").asDouble());
    assertEquals(26.66, s.get("energy_wh").asDouble());
    assertEquals("56 min", s.get("time_to_full").asText());
    assertFalse(s.has("time_to_empty"), "charging: no time to empty, and absent rather than null: " + s);
    // capacities, identity and cycles stay powercfg's
    assertEquals("SMP", s.get("vendor").asText());
    assertEquals(57.02, s.get("energy_full_design_wh").asDouble());
    assertEquals(312, s.get("cycle_count").asInt());
    assertEquals("powercfg+cim", s.get("source").asText());
    assertFalse(s.has("warnings"), s.toString());
  }

  @Test
  void fieldsWindowsDoesNotReportAreAbsentNotNull() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"source\":\"powercfg\","
        + "\"executable_path\":\"" + Fixtures.path("fake-tools", "powercfg") + "\",\"powershell_path\":\""
        + Fixtures.path("fake-tools", "battery-powershell") + "\"}]}")
        .env("FAKE_BATTERY_CIM", "cim-unknown-values.rc0.utf8").run();
    r.assertExit(0);
    JsonNode s = r.result(0).get("summary");
    for (String f : new String[] {"state", "percent", "temperature_c", "voltage_v", "energy_wh", "time_to_empty",
        "time_to_full"}) {
      assertFalse(s.has(f), f + " must be absent, not null: " + s);
    }
    assertEquals(57.02, s.get("energy_full_design_wh").asDouble(), "powercfg's capacities are still there");
  }

  @Test
  void powershellMissingLeavesTheLiveFieldsOutWithAWarning() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"source\":\"powercfg\","
        + "\"executable_path\":\"" + Fixtures.path("fake-tools", "powercfg") + "\",\"powershell_path\":"
        + "\"/nonexistent/powershell.exe\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertFalse(s.has("state"), s.toString());
    assertTrue(s.get("warnings").get(0).asText().startsWith("live state not read: "), s.toString());
  }

  @Test
  void powercfgWithoutBatteriesIsSkipped() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"source\":\"powercfg\","
        + "\"executable_path\":\"" + Fixtures.path("fake-tools", "powercfg") + "\"}]}")
        .env("FAKE_BATTERY_REPORT", "powercfg-no-battery.rc0.utf8").run();
    r.assertStatus(0, "skipped");
  }

  @Test
  void badParametersAreRejectedWithTheirPath() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"index\":-1,\"sysfs_root\":5}]}")
        .run();
    r.assertExit(1);
    String errors = r.report().get("errors").toString();
    assertTrue(errors.contains("tasks[0].index: expected at least 0, got -1"), errors);
    assertTrue(errors.contains("tasks[0].sysfs_root: expected a string, got the number 5"), errors);
  }
}
