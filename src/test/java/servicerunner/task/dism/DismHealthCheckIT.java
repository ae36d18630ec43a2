package servicerunner.task.dism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** dism_health_check through the jar, against fake dism executables replaying OEM code page bytes. */
class DismHealthCheckIT {

  @Test
  void fixturePlanRunsThroughFakeDism() throws Exception {
    Path argvLog = Files.createTempFile("dism-argv", ".txt");
    RunResult r = RunnerProcess.jar("fixtures/test_dism_health_check.json").env("REPLAY_ARGV_LOG", argvLog.toString())
        .run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode steps = r.result(0).path("summary").path("steps");
    assertEquals(3, steps.size());
    assertEquals("healthy", steps.get(0).path("parsed").path("health_state").asText());
    assertEquals("repairable", steps.get(1).path("parsed").path("health_state").asText());
    assertTrue(steps.get(2).path("parsed").path("repair_success").asBoolean());
    assertEquals("restored", r.result(0).path("summary").path("verdict").asText());
    r.assertStatus(1, "error");
    assertTrue(r.taskMarkers().stream().anyMatch(m -> m.startsWith("TASK_FAIL:1:dism_health_check - DISM needs an elevated")),
        r.taskMarkers().toString());
    assertEquals(1, r.result(1).path("summary").path("steps").size(), "no further steps after exit 740");
    r.assertStatus(2, "success");
    assertTrue(r.result(2).path("summary").path("steps").get(0).path("parsed").path("message").asText()
        .contains("Komponentenspeicherbeschädigung"), "cp850 decoded by the encoding parameter");
    assertEquals(List.of("/Online /Cleanup-Image /CheckHealth", "/Online /Cleanup-Image /ScanHealth",
        "/Online /Cleanup-Image /RestoreHealth", "/Online /Cleanup-Image /CheckHealth",
        "/Online /Cleanup-Image /CheckHealth"), Files.readAllLines(argvLog));
    Files.deleteIfExists(argvLog);
  }

  @Test
  void unknownActionIsAPlanErrorNamingTheIndex() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"dism_health_check\",\"actions\":[\"checkhealth\","
        + "\"fixhealth\"],\"executable_path\":\"fixtures/fake-tools/dism-steps\"}]}").run();
    assertTrue(r.exitCode() != 0, "a bad plan is refused");
    assertTrue((r.stdout() + r.stderrText()).contains("tasks[0].actions[1]: unknown action \"fixhealth\""),
        r.stdout() + r.stderrText());
  }
}
