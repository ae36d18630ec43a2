package servicerunner.task.speedtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/** speedtest through the jar with the real speedtest-cli; the network is closed here, so it must fail cleanly. */
class SpeedtestIT {

  @Test
  void noNetworkIsACleanFailureWithTheToolsReason() throws Exception {
    Tools.require("speedtest-cli");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_speedtest.json").toString()).run();
    r.assertProtocolClean();
    r.assertStatus(0, "failure");
    String error = r.result(0).at("/summary/error").asText();
    assertTrue(error.startsWith("Speed test failed: ") && error.length() > "Speed test failed: ".length() + 5, error);
    assertTrue(error.contains("Cannot retrieve speedtest configuration") || error.contains("Unable to connect"), error);
    assertEquals("failed", r.result(0).at("/summary/human_readable/verdict").asText());
    assertTrue(r.taskMarkers().get(1).startsWith("TASK_FAIL:0:speedtest - Speed test failed: "), r.taskMarkers().toString());
    assertEquals("[\"speedtest-cli\",\"--json\",\"--secure\",\"--single\"]", r.result(0).get("command").toString());
  }

  /**
   * Issue 10: the app's renderer runs Number() on download_mbps and upload_mbps, and Number(null) drew a chart of
   * zeros. The figures a failed test does not know are left out, in the report and in PROGRESS_JSON.
   */
  @Test
  void failedTestLeavesUnknownSpeedsOutOfHumanReadable() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"speedtest\",\"secure\":true,\"executable_path\":\""
        + Fixtures.path("fake-tools", "speedtest-cli-403") + "\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "failure");
    JsonNode hr = r.result(0).at("/summary/human_readable");
    for (String figure : new String[] {"download_mbps", "upload_mbps", "ping_ms", "jitter_ms"}) {
      assertFalse(hr.has(figure), figure + " must be absent, not null: " + hr);
    }
    assertEquals("failed", hr.path("verdict").asText());
    assertEquals(0, hr.path("score").asInt());
    JsonNode progressed = r.progress().get(0).path("results").get(0).at("/summary/human_readable");
    assertFalse(progressed.has("download_mbps") || progressed.has("upload_mbps"), progressed.toString());
    assertTrue(r.result(0).at("/summary/error").asText().contains("HTTP Error 403"), r.result(0).toString());
  }

  @Test
  void badParametersAreRejectedWithTheirPath() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"speedtest\",\"secure\":\"yes\",\"threads\":0}]}").run();
    r.assertExit(1);
    String errors = r.report().get("errors").toString();
    assertTrue(errors.contains("tasks[0].secure: expected true or false"), errors);
    assertTrue(errors.contains("tasks[0].threads: expected at least 1, got 0"), errors);
  }
}
