package servicerunner.task.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/** ping_test through the real jar with the real ping. */
class PingTestIT {

  @Test
  void pingsLoopback() throws Exception {
    Tools.require("ping");
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"ping_test\",\"host\":\"127.0.0.1\",\"count\":3}]}").run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("127.0.0.1", s.get("host").asText());
    RendererFields.assertField(s, "host", JsonNodeType.STRING);
    RendererFields.assertField(s, "latency_ms.avg", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "interval_stats.stdev", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.stability_score", JsonNodeType.NUMBER);
    assertEquals(3, s.at("/packets/received").asInt());
    assertEquals(0.0, s.at("/packets/loss_percent").asDouble());
    assertTrue(s.at("/latency_ms/avg").asDouble() > 0);
    assertEquals(3, s.at("/interval_stats/samples").asInt());
    // iputils ends its options at "--", so the host can never be read as one
    assertEquals("[\"ping\",\"-c\",\"3\",\"--\",\"127.0.0.1\"]", r.result(0).get("command").toString());
    assertEquals(List.of("TASK_START:0:ping_test", "TASK_OK:0:ping_test"), r.taskMarkers());
  }

  @Test
  void unknownHostFailsWithAClearReason() throws Exception {
    Tools.require("ping");
    RunResult r = RunnerProcess.jar(
        "{\"tasks\":[{\"type\":\"ping_test\",\"host\":\"nonexistent.invalid\",\"count\":1}]}").run();
    r.assertProtocolClean();
    r.assertStatus(0, "failure");
    String error = r.result(0).at("/summary/error").asText();
    assertTrue(error.startsWith("Host not found: nonexistent.invalid"), error);
    assertTrue(r.taskMarkers().get(1).startsWith("TASK_FAIL:0:ping_test - Host not found: nonexistent.invalid"),
        r.taskMarkers().toString());
  }

  @Test
  void badParametersAreRejectedWithTheirPath() throws Exception {
    RunResult r = RunnerProcess.jar(
        "{\"tasks\":[{\"type\":\"ping_test\",\"host\":\"127.0.0.1\",\"count\":\"four\"},{\"type\":\"ping_test\"}]}").run();
    r.assertExit(1);
    String error = r.report().get("errors").toString();
    assertTrue(error.contains("tasks[0].count: expected an integer, got a string \\\"four\\\""), error);
    assertTrue(error.contains("tasks[1].host: required"), error);
  }

  @Test
  void fixturePlanRuns() throws Exception {
    Tools.require("ping");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_ping_test.json").toString()).run();
    r.assertExit(0).assertProtocolClean();
    assertEquals("success", r.report().get("overall_status").asText());
  }
}
