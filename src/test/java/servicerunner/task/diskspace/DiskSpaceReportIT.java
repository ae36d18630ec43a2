package servicerunner.task.diskspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** disk_space_report through the jar on this machine. */
class DiskSpaceReportIT {

  @Test
  void reportsThisMachinesDrives() throws Exception {
    RunResult r = RunnerProcess.jar(Fixtures.path("test_disk_space_report.json").toString()).run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode drives = r.result(0).at("/summary/drives");
    assertTrue(drives.size() >= 1, drives.toString());
    JsonNode root = null;
    for (JsonNode d : drives) {
      assertTrue(d.get("total_gb").asDouble() > 0, d.toString());
      assertTrue(!d.get("filesystem").asText().equals("proc") && !d.get("filesystem").asText().equals("tmpfs"));
      if ("/".equals(d.get("mount").asText())) {
        root = d;
      }
    }
    assertTrue(root != null, "/ is listed: " + drives);
    double pct = root.get("usage_percent").asDouble();
    assertTrue(pct > 0 && pct < 100, root.toString());
    assertEquals(root.get("total_gb").asDouble(), root.get("used_gb").asDouble() + freeUnallocated(root), 0.05);
  }

  /** used + unallocated = total; free_gb excludes the root reserve, so it can only be smaller. */
  private static double freeUnallocated(JsonNode d) {
    double unallocated = d.get("total_gb").asDouble() - d.get("used_gb").asDouble();
    assertTrue(d.get("free_gb").asDouble() <= unallocated + 0.01, d.toString());
    return unallocated;
  }

  @Test
  void lowThresholdGivesWarnings() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"disk_space_report\",\"warn_percent\":0,"
        + "\"critical_percent\":100}]}").run();
    r.assertStatus(0, "success");
    assertTrue(r.result(0).at("/summary/human_readable/warnings").size() >= 1);
    assertTrue(r.result(0).at("/summary/human_readable/verdict").asText().endsWith("nearly full"));
  }

  @Test
  void badParametersAreRejectedWithTheirPath() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"disk_space_report\",\"warn_percent\":\"eighty\","
        + "\"critical_percent\":150}]}").run();
    r.assertExit(1);
    String errors = r.report().get("errors").toString();
    assertTrue(errors.contains("tasks[0].warn_percent: expected a number"), errors);
    assertTrue(errors.contains("tasks[0].critical_percent: expected at most 100, got 150"), errors);
  }
}
