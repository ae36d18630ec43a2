package servicerunner.task.battery;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        + "\"executable_path\":\"" + fake + "\"}]}").env("FAKE_BATTERY_REPORT", "powercfg-two-batteries.html").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("SANYO", s.get("vendor").asText());
    assertEquals(60.0, s.get("capacity_percent").asDouble());
    assertEquals("Poor", s.get("health_verdict").asText());
    assertEquals("/batteryreport", r.result(0).get("command").get(1).asText());
    assertTrue(Files.exists(fake));
  }

  @Test
  void powercfgWithoutBatteriesIsSkipped() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"battery_health_report\",\"source\":\"powercfg\","
        + "\"executable_path\":\"" + Fixtures.path("fake-tools", "powercfg") + "\"}]}")
        .env("FAKE_BATTERY_REPORT", "powercfg-no-battery.html").run();
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
