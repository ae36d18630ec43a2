package servicerunner.task.furmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.plan.PlanParser;
import servicerunner.plan.PreparedPlan;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.Declared;

class FurmarkStressTestTaskTest {
  private final FurmarkStressTestTask type = new FurmarkStressTestTask();

  private ParamValidator.Validation validate(String json) {
    return Declared.validate(type.params(), json);
  }

  @Test
  void paramValidationNamesTheField() throws IOException {
    assertEquals(List.of("tasks[0].duration_seconds: required, expected a number"), validate("{}").errors());
    assertEquals(List.of("tasks[0].duration_seconds: expected at least 1, got 0"),
        validate("{\"duration_seconds\":0}").errors());
    assertEquals(List.of("tasks[0].width: expected an integer, got a string \"wide\""),
        validate("{\"duration_seconds\":60,\"width\":\"wide\"}").errors());
    assertEquals(List.of("tasks[0].extra_args[0]: expected a string, got the number 1"),
        validate("{\"duration_seconds\":60,\"extra_args\":[1]}").errors());
  }

  @Test
  void argvMatchesTheReference() throws IOException {
    Params p = validate("{\"executable_path\":\"C:/FurMark2/furmark.exe\",\"duration_seconds\":60.7,"
        + "\"extra_args\":[\"--no-gui\"]}").params();
    assertEquals(List.of("C:/FurMark2/furmark.exe", "--demo", "furmark-gl", "--width", "1920", "--height", "1080",
        "--max-time", "60", "--no-gui"), new FurmarkStressTestTask().argv(p));
  }

  @Test
  void defaultTimeoutIsDurationPlus120Seconds() throws IOException {
    assertNull(type.defaultTimeout(), "depends on duration_seconds");
    assertEquals(Duration.ofSeconds(180), type.defaultTimeout(validate("{\"duration_seconds\":60}").params()));
    assertEquals(Duration.ofSeconds(182), type.defaultTimeout(validate("{\"duration_seconds\":61.5}").params()));
  }

  /** The engine uses it when the plan has no timeout_seconds, and the plan's value wins (also when longer). */
  @Test
  void planTimeoutOverridesTheDefault() throws Exception {
    String plan = "{\"tasks\":[{\"type\":\"furmark_stress_test\",\"duration_seconds\":60},"
        + "{\"type\":\"furmark_stress_test\",\"duration_seconds\":60,\"timeout_seconds\":600}]}";
    PreparedPlan prepared = PreparedPlan.prepare(PlanParser.parse(plan.getBytes(StandardCharsets.UTF_8), "test"));
    assertEquals(Duration.ofSeconds(180), prepared.tasks().get(0).timeout());
    assertEquals(Duration.ofSeconds(600), prepared.tasks().get(1).timeout());
  }

  private static ObjectNode parsed(String fixture) {
    return FurmarkReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(
        Fixtures.path("tool-output", "furmark_stress_test", fixture))));
  }

  @Test
  void summaryHasTheFieldsTheRendererReads() {
    ObjectNode s = parsed("rtx3060-report-cp1252.rc0.cp1252");
    assertEquals(Status.SUCCESS, FurmarkStressTestTask.decide(s, 0, 90, null).status());
    RendererFields.assertField(s, "api", JsonNodeType.STRING);
    RendererFields.assertField(s, "resolution.width", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "resolution.height", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "frames", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "duration_ms", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "fps.avg", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "gpus[0].max_temperature_c", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals(52, s.at("/gpus/0/max_temperature_c").asInt(), "0xB0 degree byte does not disturb the number");
    assertEquals("completed", s.at("/human_readable/verdict").asText());
    assertEquals(52, s.at("/human_readable/max_temperature_c").asInt());
  }

  @Test
  void statusRules() {
    TaskOutcome hot = FurmarkStressTestTask.decide(parsed("two-gpus-hot-reconstructed.rc0.cp1252"), 0, 90, null);
    assertEquals(Status.WARNING, hot.status());
    assertEquals("too_hot", hot.verdict().id());
    assertEquals(Status.SUCCESS, FurmarkStressTestTask.decide(parsed("two-gpus-hot-reconstructed.rc0.cp1252"), 0, 95, null)
        .status());
    TaskOutcome none = FurmarkStressTestTask.decide(parsed("truncated-no-stats.rc3.utf8"), 0, 90, null);
    assertEquals(Status.WARNING, none.status());
    assertEquals("no_report", none.verdict().id());
    ObjectNode crashed = parsed("truncated-no-stats.rc3.utf8");
    crashed.put("stderr_excerpt", "GPU device lost\n");
    TaskOutcome failed = FurmarkStressTestTask.decide(crashed, 3, 90, null);
    assertEquals(Status.FAILURE, failed.status());
    assertEquals("FurMark exited with code 3: GPU device lost", failed.reason());
    assertEquals("FurMark exited with code 3: GPU device lost", crashed.get("error").asText());
    assertEquals("failed", crashed.at("/human_readable/verdict").asText());
  }

  /** A report printed before a hang counts, as a warning that says the tool had to be stopped. */
  @Test
  void reportThenHangIsAWarningWithBothNotes() {
    ObjectNode s = parsed("two-gpus-hot-reconstructed.rc0.cp1252");
    TaskOutcome o = FurmarkStressTestTask.decide(s, 0, 90, "stopped at the timeout");
    assertEquals(Status.WARNING, o.status());
    assertTrue(s.get("warning").asText().endsWith("; stopped at the timeout"), s.toString());
    assertEquals(3, s.at("/human_readable/notes").size(), s.toString());
  }
}
