package servicerunner.task.dism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.ToolOutputCase;

class DismStepParserTest {

  static ObjectNode step(ToolOutputCase c) {
    String action = c.name().substring(0, c.name().indexOf('-'));
    return DismStepParser.parse(action, c.bytes(), c.charset(), c.exitCode());
  }

  static ObjectNode step(String file) {
    return step(ToolOutputCase.of(Fixtures.path("tool-output", "dism_health_check", file)));
  }

  static TaskOutcome outcome(String... files) {
    List<ObjectNode> steps = new java.util.ArrayList<>();
    for (String f : files) {
      steps.add(step(f));
    }
    return DismSummary.combine(steps);
  }

  @Test
  void sourceMissingExitIsReadAsSigned32BitAndShownAsHex() {
    ObjectNode s = step("restorehealth-en-source-missing.rc-2146498529.cp437");
    assertEquals(-2146498529, s.path("return_code").asInt());
    assertEquals("0x800F081F", s.path("return_code_hex").asText());
    assertEquals("source_files_not_found", s.path("verdict").asText());
    assertFalse(s.path("parsed").path("repair_success").asBoolean(true));
  }

  @Test
  void russianCp866SourceMissingIsRecognised() {
    ObjectNode s = step("restorehealth-ru-source-missing.rc-2146498529.cp866");
    assertTrue(s.path("parsed").path("source_files_missing").asBoolean());
    assertEquals("0x800f081f", s.path("parsed").path("error_code").asText());
    assertTrue(s.path("parsed").path("message").asText().contains("Не удалось найти исходные файлы"));
  }

  @Test
  void germanCp850Healthy() {
    ObjectNode s = step("checkhealth-de-healthy.rc0.cp850");
    assertEquals("healthy", s.path("parsed").path("health_state").asText());
    assertTrue(s.path("parsed").path("message").asText().contains("Komponentenspeicherbeschädigung"));
  }

  @Test
  void repairableWithExitZeroIsAWarningNotSuccess() {
    TaskOutcome o = outcome("scanhealth-en-repairable.rc0.cp437");
    assertEquals(Status.WARNING, o.status());
    assertEquals("repairable", o.summary().path("steps").get(0).path("parsed").path("health_state").asText());
  }

  @Test
  void repairableThenRestoredEndsAsSuccess() {
    TaskOutcome o = outcome("checkhealth-en-healthy.rc0.cp437", "scanhealth-en-repairable.rc0.cp437",
        "restorehealth-en-restored.rc0.cp437");
    assertEquals(Status.SUCCESS, o.status());
    assertEquals("restored", o.summary().path("verdict").asText());
    assertTrue(o.summary().path("steps").get(2).path("parsed").path("repair_success").asBoolean());
  }

  @Test
  void rebootRequiredIsSuccessWithFlag() {
    TaskOutcome o = outcome("restorehealth-en-reboot-required.rc3010.cp437");
    assertEquals(Status.SUCCESS, o.status());
    assertTrue(o.summary().path("reboot_required").asBoolean());
  }

  @Test
  void elevationAndRollbackAreErrors() {
    TaskOutcome e = outcome("checkhealth-en-elevation.rc740.cp437");
    assertEquals(Status.ERROR, e.status());
    assertTrue(e.summary().path("error").asText().contains("740"));
    assertEquals(Status.ERROR, outcome("checkhealth-de-elevation.rc740.cp850").status());
    TaskOutcome r = outcome("restorehealth-en-rollback.rc3017.cp437");
    assertEquals(Status.ERROR, r.status());
    assertEquals(60.2, r.summary().path("steps").get(0).path("parsed").path("progress_percent").asDouble(), 1e-9);
  }

  @Test
  void elevationTextIsEnoughWhenTheExitCodeIsTruncated() {
    // POSIX fake tools can only exit with 740 & 0xff = 228; the "Error: 740" line still decides
    ObjectNode s = DismStepParser.parse("checkhealth",
        Fixtures.bytes(Fixtures.path("tool-output", "dism_health_check", "checkhealth-en-elevation.rc740.cp437")),
        ToolOutputCase.charset("cp437"), 228);
    assertEquals("elevation_required", s.path("verdict").asText());
  }

  @Test
  void rendererFields() {
    ObjectNode s = outcome("checkhealth-en-healthy.rc0.cp437", "restorehealth-en-restored.rc0.cp437").summary();
    RendererFields.assertField(s, "steps[0].action", JsonNodeType.STRING);
    RendererFields.assertField(s, "steps[0].parsed.health_state", JsonNodeType.STRING);
    RendererFields.assertField(s, "steps[0].parsed.message", JsonNodeType.STRING);
    RendererFields.assertField(s, "steps[0].parsed.repair_success", JsonNodeType.BOOLEAN, JsonNodeType.NULL);
    RendererFields.assertField(s, "steps[1].parsed.repair_success", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "steps[1].return_code", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "steps[1].return_code_hex", JsonNodeType.STRING);
    RendererFields.assertField(s, "verdict", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals("healthy", s.path("steps").get(0).path("parsed").path("health_state").asText());
  }
}
