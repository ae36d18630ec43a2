package servicerunner.task.winsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.ToolOutputCase;

class WinsatOutputParserTest {

  static TaskOutcome parse(ToolOutputCase c) {
    String mode = c.name().substring(0, c.name().indexOf('-'));
    return WinsatOutputParser.parse(c.bytes(), c.charset(), c.exitCode(), new WinsatOutputParser.Request("C:", mode));
  }

  static TaskOutcome parse(String file) {
    return parse(ToolOutputCase.of(Fixtures.path("tool-output", "winsat_disk", file)));
  }

  @Test
  void windows10Metrics() {
    TaskOutcome o = parse("full-win10.rc0.cp437");
    assertEquals(Status.SUCCESS, o.status());
    ObjectNode r = (ObjectNode) o.summary().path("results");
    assertEquals(88.91, r.path("random_read_mbps").asDouble(), 1e-9);
    assertEquals(269.49, r.path("sequential_read_mbps").asDouble(), 1e-9);
    assertEquals(104.53, r.path("sequential_write_mbps").asDouble(), 1e-9);
    assertEquals(7.6, r.path("sequential_read_score").asDouble(), 1e-9);
    assertEquals(45.881, r.path("latency_max_ms").asDouble(), 1e-9);
    assertEquals(15.8, o.summary().path("duration_seconds").asDouble(), 1e-9);
  }

  @Test
  void windows7LayoutAndSpacedUnit() {
    ObjectNode r7 = (ObjectNode) parse("full-win7.rc0.cp437").summary().path("results");
    assertEquals(84.26, r7.path("sequential_read_mbps").asDouble(), 1e-9);
    assertEquals(1.15, r7.path("random_read_mbps").asDouble(), 1e-9);
    assertEquals(3.57, r7.path("responsiveness_avg_io_ms").asDouble(), 1e-9);
    assertEquals(108.61, parse("full-win7.rc0.cp437").summary().path("duration_seconds").asDouble(), 1e-9);
    ObjectNode spaced = (ObjectNode) parse("random_read-spaced-unit.rc0.cp437").summary().path("results");
    assertEquals(404.52, spaced.path("random_read_mbps").asDouble(), 1e-9);
    assertTrue(spaced.path("sequential_read_mbps").isNull());
  }

  @Test
  void nonZeroExitIsFailureWithError() {
    TaskOutcome o = parse("full-no-metrics.rc1.cp437");
    assertEquals(Status.FAILURE, o.status());
    assertTrue(o.summary().path("error").asText().contains("exited with code 1"));
  }

  @Test
  void rendererFields() {
    ObjectNode s = parse("full-win10.rc0.cp437").summary();
    RendererFields.assertField(s, "drive", JsonNodeType.STRING);
    RendererFields.assertField(s, "test_mode", JsonNodeType.STRING);
    RendererFields.assertField(s, "duration_seconds", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "results.random_read_mbps", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "results.sequential_read_mbps", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "results.sequential_write_mbps", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.score", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.notes", JsonNodeType.ARRAY);
  }
}
