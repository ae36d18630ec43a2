package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** Retry and on_failure through the jar, the way the app sees them: markers, free-text lines, the report. */
class ReactingPlanIT {

  @Test
  void aRetriedTaskKeepsOneStartAndOneEndAndAFailureThatStopsEndsTheRun() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\": ["
        + "{\"type\": \"command\", \"command\": [\"sh\", \"-c\", \"echo try; exit 3\"], \"retry\": 2},"
        + "{\"type\": \"command\", \"command\": [\"sh\", \"-c\", \"exit 4\"], \"allow_failure\": true},"
        + "{\"type\": \"command\", \"command\": [\"sh\", \"-c\", \"exit 5\"], \"on_failure\": \"stop\"},"
        + "{\"type\": \"command\", \"command\": [\"true\"]}]}").run();
    r.assertExit(0).assertProtocolClean();
    assertEquals(List.of("TASK_START:0:command", "TASK_FAIL:0:command - sh exited with code 3, expected 0",
        "TASK_START:1:command", "TASK_FAIL:1:command - sh exited with code 4, expected 0",
        "TASK_START:2:command", "TASK_FAIL:2:command - sh exited with code 5, expected 0", "RUN_STOPPED:task_failed",
        "TASK_SKIP:3:command - Not run: task 2 (command) failed"), r.taskMarkers());
    assertTrue(r.stderrLines().contains("task 0 (command): attempt 2 of 2"), r.stderrText());
    assertEquals(2, r.stderrLines().stream().filter(l -> l.equals("[0:command] try")).count());
    assertEquals(2, r.result(0).get("attempts").size());
    assertEquals("failure", r.result(0).at("/attempts/1/status").asText());
    assertEquals("stopped", r.report().get("overall_status").asText());
    assertEquals("task_failed", r.report().get("stop_reason").asText());
  }

  @Test
  void anAllowedFailureLeavesTheRunSuccessful() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\": [{\"type\": \"command\", \"command\": [\"sh\", \"-c\", \"exit 4\"],"
        + " \"allow_failure\": true}, {\"type\": \"command\", \"command\": [\"true\"]}]}").run();
    r.assertExit(0).assertProtocolClean();
    assertEquals("failure", r.result(0).get("status").asText());
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals("success", r.finalProgress().get("overall_status").asText());
  }
}
