package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Procs;
import servicerunner.testing.Protocol;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** TASK_PROGRESS through the real jar: a command's pattern, and heartbeats of a silent tool. */
class ProgressIT {
  private final String sleep = Procs.uniqueSleep();

  @AfterEach
  void cleanUp() {
    Procs.killAll(sleep);
  }

  private static List<String> linesOf(RunResult r, int i) {
    return r.stderrLines().stream().filter(l -> l.matches("^(TASK_[A-Z]+):" + i + ":.*"))
        .map(l -> l.substring(0, l.indexOf(':'))).collect(Collectors.toList());
  }

  @Test
  void aCommandsPatternGivesProgressBetweenItsStartAndItsEnd() throws Exception {
    String loop = "for i in 10 20 30 40 50 60 70 80 90 100; do echo \"step $i% done\"; done";
    String plan = "{\"tasks\":[{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"" + loop.replace("\"", "\\\"")
        + "\"],\"progress\":{\"pattern\":\"step (\\\\d+)%\"}},"
        + "{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"echo copied 1; echo copied 2; echo copied 4\"],"
        + "\"progress\":{\"pattern\":\"copied (\\\\d+)\",\"total\":4,\"unit\":\"files\"}}]}";
    RunResult r = RunnerProcess.jar(plan).run().assertExit(0).assertProtocolClean();
    List<String> kinds = linesOf(r, 0);
    assertEquals("TASK_START", kinds.get(0));
    assertEquals("TASK_OK", kinds.get(kinds.size() - 1));
    assertTrue(kinds.subList(1, kinds.size() - 1).stream().allMatch("TASK_PROGRESS"::equals), kinds.toString());
    r.stderrLines().stream().filter(l -> l.startsWith("TASK_PROGRESS:"))
        .forEach(l -> assertTrue(Protocol.TASK_PROGRESS.matcher(l).matches(), l));
    List<JsonNode> p = r.taskProgress(0);
    assertEquals(10.0, p.get(0).get("percent").asDouble(), "the first reading goes out at once");
    assertEquals(100.0, p.get(p.size() - 1).get("percent").asDouble(), "completion is never held back");
    assertTrue(p.size() <= 3, "ten lines at once are not ten events: " + p);
    p.forEach(e -> assertEquals("progress", e.get("kind").asText()));
    JsonNode last = r.taskProgress(1).get(r.taskProgress(1).size() - 1);
    assertEquals(4, last.get("current").asInt());
    assertEquals(4, last.get("total").asInt());
    assertEquals("files", last.get("unit").asText());
    assertEquals(100.0, last.get("percent").asDouble());
  }

  @Test
  void aSilentToolGetsHeartbeatsWithItsCpuAndOutputAge() throws Exception {
    String plan = "{\"heartbeat_seconds\":1,\"tasks\":[{\"type\":\"command\",\"command\":[\"sh\",\"-c\","
        + "\"echo begin; sleep " + sleep + "\"],\"timeout_seconds\":600}]}";
    RunnerProcess.Started run = RunnerProcess.jar(plan).start();
    // event-driven: wait for the second beat, then end the tool; no assertion on when it came
    for (int beat = 0; beat < 2; beat++) {
      assertTrue(run.awaitLine(l -> l.startsWith("TASK_PROGRESS:0:command:{\"kind\":\"heartbeat\""),
          Duration.ofSeconds(60)) != null, "heartbeat " + (beat + 1));
    }
    Procs.killAll(sleep);
    RunResult r = run.waitFor(Duration.ofSeconds(60)).assertProtocolClean();
    List<JsonNode> beats = r.taskProgress(0);
    assertTrue(beats.size() >= 2, beats.toString());
    for (JsonNode b : beats) {
      assertEquals("heartbeat", b.get("kind").asText());
      assertTrue(b.get("cpu_seconds").asDouble() >= 0, b.toString());
      assertTrue(b.has("last_output_age_seconds"), b.toString());
      assertFalse(b.has("percent"), "a command without a pattern knows no percent");
    }
    assertTrue(beats.get(1).get("elapsed_seconds").asDouble() > beats.get(0).get("elapsed_seconds").asDouble());
    assertTrue(beats.get(1).get("last_output_age_seconds").asDouble()
        > beats.get(0).get("last_output_age_seconds").asDouble(), "the tool stays silent: its output ages");
  }
}
