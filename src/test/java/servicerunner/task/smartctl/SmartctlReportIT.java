package servicerunner.task.smartctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

class SmartctlReportIT {
  private static final String FAKE = Fixtures.path("fake-tools", "smartctl-fake.sh").toString();

  private static RunResult run(String plan) throws Exception {
    RunResult r = RunnerProcess.jar(plan).run();
    r.assertProtocolClean();
    return r;
  }

  /** This machine is a VM whose virtio disk smartctl cannot read: the scan is empty and the task is skipped. */
  @Test
  void realSmartctlOnAMachineWithoutSmartDrives() throws Exception {
    Tools.require("smartctl");
    RunResult r = run("{\"tasks\":[{\"type\":\"smartctl_report\"}]}");
    JsonNode res = r.result(0);
    if (res.at("/summary/scan_devices").size() > 0) {
      // a machine with real drives: whatever it finds must be a flat drive list
      assertTrue(res.at("/summary/drives").isArray(), res.toString());
      return;
    }
    assertEquals("skipped", res.get("status").asText(), res.toString());
    assertEquals("No SMART-capable drives found", res.at("/summary/reason").asText());
    assertTrue(res.at("/summary/scan_output/smartctl/argv").isArray(), "the scan output is kept");
    assertEquals(List.of("TASK_START:0:smartctl_report", "TASK_SKIP:0:smartctl_report - No SMART-capable drives found"),
        r.taskMarkers());
  }

  @Test
  void realSmartctlOnADeviceItCannotReadFailsWithTheReason() throws Exception {
    Tools.require("smartctl");
    RunResult r = run("{\"tasks\":[{\"type\":\"smartctl_report\",\"devices\":[\"/dev/service-runner-no-such-disk\"]}]}");
    JsonNode res = r.result(0);
    assertEquals("failure", res.get("status").asText(), res.toString());
    assertTrue(res.at("/summary/error").asText().contains("/dev/service-runner-no-such-disk"));
    int bit = res.at("/summary/errors/0/exit_status_bits/0/bit").asInt(-1);
    assertTrue(bit == 0 || bit == 1, "no data: bit 0 (no device type) or 1 (open failed): " + res);
    assertTrue(r.taskMarkers().get(1).startsWith("TASK_FAIL:0:smartctl_report - smartctl could not read any drive"));
  }

  @Test
  void recordedDrivesThroughAFakeSmartctl() throws Exception {
    RunResult r = run("{\"tasks\":[{\"type\":\"smartctl_report\",\"executable_path\":\"" + FAKE + "\"}]}");
    JsonNode res = r.result(0);
    assertEquals("completed_with_errors", res.get("status").asText(), res.toString());
    JsonNode drives = res.at("/summary/drives");
    assertEquals(2, drives.size());
    assertEquals("/dev/sdc", drives.get(0).get("name").asText());
    assertEquals(false, drives.get(0).get("health_passed").asBoolean());
    assertEquals("INTEL SSDPEKNW010T8", res.at("/summary/drives/1/model_name").asText());
    for (int i = 0; i < 2; i++) {
      for (String f : List.of("name", "model_name", "serial_number", "firmware_version", "temperature")) {
        RendererFields.assertField(res.get("summary"), "drives[" + i + "]." + f, JsonNodeType.STRING);
      }
      for (String f : List.of("power_on_hours", "power_cycles", "media_errors", "error_log_entries")) {
        RendererFields.assertField(res.get("summary"), "drives[" + i + "]." + f, JsonNodeType.NUMBER);
      }
    }
    assertEquals("/dev/sda", res.at("/summary/errors/0/device").asText());
    assertEquals(1, res.at("/summary/errors/0/exit_status_bits/0/bit").asInt());
    assertTrue(res.at("/summary/human_readable/verdict").asText().contains("FAILING"));
    assertEquals("TASK_OK:0:smartctl_report", r.taskMarkers().get(1), "completed_with_errors is not a failure row");
  }

  @Test
  void fixturePlanRunsHere() throws Exception {
    Tools.require("smartctl");
    RunResult r = RunnerProcess.jar("fixtures/test_smartctl_report.json").dir(Fixtures.root().getParent()).run();
    r.assertProtocolClean();
    assertEquals(3, r.report().get("results").size());
    assertEquals("completed_with_errors", r.result(1).get("status").asText());
    assertEquals("success", r.result(2).get("status").asText());
    assertEquals("usb_bridge_unsupported", r.result(2).at("/summary/skipped_devices/0/reason").asText());
    assertTrue(r.result(2).at("/summary/drives/0/raw").isObject(), "full detail keeps raw inside the drive");
  }
}
