package servicerunner.task.smartctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.Declared;

class SmartctlReportTaskTest {
  private static ObjectNode drive(String fixture, boolean full) {
    String text = new String(Fixtures.bytes(Fixtures.path("tool-output", "smartctl_report", fixture)),
        StandardCharsets.UTF_8);
    return DriveParser.parse(text, "/dev/requested", full);
  }

  private static List<String> errors(String json) {
    return Declared.errors(SmartctlReportTask.DECLARATION.params(), json);
  }

  @Test
  void paramValidationNamesTheField() throws IOException {
    assertEquals(List.of(), errors("{}"));
    assertEquals(List.of("tasks[0].detail_level: expected one of basic, full, got \"raw\""),
        errors("{\"detail_level\":\"raw\"}"));
    assertEquals(List.of("tasks[0].devices: expected an array of strings, got a string \"/dev/sda\""),
        errors("{\"devices\":\"/dev/sda\"}"));
    assertEquals(List.of("tasks[0].devices[1]: expected a string, got the number 3"),
        errors("{\"devices\":[\"/dev/sda\",3]}"));
  }

  @Test
  void exitStatusBitsAreAllDecoded() {
    JsonNode all = ExitStatus.decode(255);
    assertEquals(8, all.size());
    for (int bit = 0; bit < 8; bit++) {
      assertEquals(bit, all.get(bit).get("bit").asInt());
      assertTrue(all.get(bit).get("meaning").asText().length() > 10);
    }
    JsonNode failing = ExitStatus.decode(216);
    assertEquals("[3,4,6,7]", Json.compact(Json.valueToTree(
        List.of(failing.get(0).get("bit").asInt(), failing.get(1).get("bit").asInt(),
            failing.get(2).get("bit").asInt(), failing.get(3).get("bit").asInt()))));
    assertEquals("disk_failing", failing.get(0).get("name").asText());
    assertEquals("device_open_failed", ExitStatus.decode(2).get(0).get("name").asText());
    assertEquals(0, ExitStatus.decode(0).size());
  }

  @Test
  void nvmeDriveHasEveryRendererField() {
    ObjectNode d = drive("nvme-healthy.rc0.utf8", false);
    assertEquals("drive", d.get("outcome").asText());
    for (String f : List.of("name", "model_name", "serial_number", "firmware_version", "data_written_human",
        "data_read_human", "temperature")) {
      RendererFields.assertField(d, f, JsonNodeType.STRING);
    }
    RendererFields.assertField(d, "health_passed", JsonNodeType.BOOLEAN);
    for (String f : List.of("wear_level_percent_used", "power_on_hours", "power_cycles", "unsafe_shutdowns",
        "media_errors", "error_log_entries")) {
      RendererFields.assertField(d, f, JsonNodeType.NUMBER);
    }
    assertEquals(7773431L * 512000L, d.get("data_written_bytes").asLong());
    assertEquals("3.98 TB", d.get("data_written_human").asText());
    assertEquals("36 \u00b0C", d.get("temperature").asText());
    assertEquals(43, d.get("unsafe_shutdowns").asInt());
  }

  @Test
  void failingAtaDriveReadsAttributesAndFlagsTheFailure() {
    ObjectNode d = drive("ata-failing-usbjmicron.rc216.utf8", false);
    assertFalse(d.get("health_passed").asBoolean());
    assertEquals(65592, d.get("power_on_hours").asLong());
    assertEquals(86, d.get("power_cycles").asLong());
    assertEquals(25, d.get("temperature_c").asLong());
    assertEquals(1975 + 8, d.get("media_errors").asLong());
    assertEquals(56, d.get("error_log_entries").asLong());
    assertEquals(6244, d.get("unsafe_shutdowns").asLong());
    assertEquals("now", d.at("/failing_attributes/0/when_failed").asText());
    assertEquals("Reallocated_Sector_Ct", d.at("/failing_attributes/0/name").asText());
    assertTrue(d.get("data_written_human").isNull(), "this drive has no attribute 241");
    assertEquals(4, d.get("exit_status_bits").size());
  }

  @Test
  void packedRawValuesUseTheLeadingNumber() {
    ObjectNode d = drive("sat-bridge-attributes-only.rc0.utf8", false);
    assertEquals("drive", d.get("outcome").asText());
    assertEquals(2725, d.get("power_on_hours").asLong(), "raw.value is 167031278144165");
    assertEquals(29, d.get("temperature_c").asLong());
    assertTrue(d.get("model_name").isNull());
  }

  @Test
  void fullDetailPutsRawInsideTheFlatDrive() {
    ObjectNode d = drive("nvme-healthy.rc0.utf8", true);
    assertEquals("INTEL SSDPEKNW010T8", d.get("model_name").asText());
    assertEquals("INTEL SSDPEKNW010T8", d.at("/raw/model_name").asText());
    assertNull(d.get("basic"), "never {basic, raw} (reference bug B21)");
  }

  @Test
  void unreadableAndBridgeOutcomes() {
    ObjectNode open = drive("open-failure-windows.rc2.utf8", false);
    assertEquals("unreadable", open.get("outcome").asText());
    assertTrue(open.get("error").asText().contains("Open failed"));
    assertEquals("device_open_failed", open.at("/exit_status_bits/0/name").asText());
    assertEquals("unsupported_bridge", drive("usb-bridge-unknown.rc1.utf8", false).get("outcome").asText());
    assertEquals("unreadable", DriveParser.parse("not json", "/dev/x", false).get("outcome").asText());
  }

  private static ObjectNode summary(ObjectNode... drives) {
    ObjectNode s = Json.object();
    var arr = s.putArray("drives");
    for (ObjectNode d : drives) {
      d.remove("outcome");
      arr.add(d);
    }
    s.putArray("errors");
    s.putArray("skipped_devices");
    return s;
  }

  @Test
  void statusRules() {
    TaskOutcome healthy = SmartctlReportTask.decide(summary(drive("nvme-healthy.rc0.utf8", false)));
    assertEquals(Status.SUCCESS, healthy.status());
    assertEquals("all_passed", healthy.verdict().id());
    TaskOutcome failing = SmartctlReportTask.decide(summary(drive("nvme-healthy.rc0.utf8", false),
        drive("ata-failing-usbjmicron.rc216.utf8", false)));
    assertEquals(Status.WARNING, failing.status());
    assertTrue(failing.summary().at("/human_readable/verdict").asText().startsWith("FAILING: /dev/sdc"));
    assertEquals("drive_failing", failing.verdict().id());
    ObjectNode someErrors = summary(drive("nvme-healthy.rc0.utf8", false));
    someErrors.withArray("errors").addObject().put("device", "/dev/sda").put("error", "Open failed");
    TaskOutcome partial = SmartctlReportTask.decide(someErrors);
    assertEquals(Status.COMPLETED_WITH_ERRORS, partial.status());
    assertEquals("some_unreadable", partial.verdict().id());
    ObjectNode allErrors = summary();
    allErrors.withArray("errors").addObject().put("device", "/dev/sda").put("error", "Open failed");
    TaskOutcome none = SmartctlReportTask.decide(allErrors);
    assertEquals(Status.FAILURE, none.status());
    assertEquals("smartctl could not read any drive (/dev/sda: Open failed)", none.summary().get("error").asText());
    assertEquals("smartctl could not read any drive (/dev/sda: Open failed)", none.reason());
    assertEquals("none_readable", none.verdict().id());
  }
}
