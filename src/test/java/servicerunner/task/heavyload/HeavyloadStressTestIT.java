package servicerunner.task.heavyload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** HeavyLoad is Windows-only: the plans name fake executables, which lets the type run here. */
class HeavyloadStressTestIT {

  @Test
  void fixturePlanThroughTheJar() throws Exception {
    RunResult r = RunnerProcess.jar("fixtures/test_heavyload_stress_test.json").dir(Fixtures.root().getParent()).run();
    r.assertProtocolClean();
    assertEquals(List.of(
        "TASK_START:0:heavyload_stress_test", "TASK_OK:0:heavyload_stress_test",
        "TASK_START:1:heavyload_stress_test",
        "TASK_FAIL:1:heavyload_stress_test - HeavyLoad exited with code 2: Access violation at address 0041A2B3",
        "TASK_START:2:heavyload_stress_test",
        "TASK_FAIL:2:heavyload_stress_test - HeavyLoad timed out after 2 s and was stopped"), r.taskMarkers());
    JsonNode ok = r.result(0).get("summary");
    for (String f : List.of("duration_minutes", "exit_code")) {
      RendererFields.assertField(ok, f, JsonNodeType.NUMBER);
    }
    for (String f : List.of("stress_cpu", "stress_memory", "stress_gpu", "stress_disk")) {
      RendererFields.assertField(ok, f, JsonNodeType.BOOLEAN);
    }
    RendererFields.assertField(ok, "stdout_excerpt", JsonNodeType.STRING);
    RendererFields.assertField(ok, "stderr_excerpt", JsonNodeType.STRING);
    assertTrue(ok.get("stderr_excerpt").asText().contains("/CPU 2 /MEMORY 256 /FILE 512 /TESTFILEPATH /tmp /DURATION 1"
        + " /AUTOEXIT /NOGUI /START"), "the fake saw the argv the runner built");
    JsonNode failed = r.result(1).get("summary");
    assertEquals("HeavyLoad exited with code 2: Access violation at address 0041A2B3", failed.get("error").asText(),
        "bug B18: a heavyload failure carries an error");
    assertTrue(r.result(2).at("/summary/timed_out").asBoolean());
    assertNotNull(r.result(2).at("/summary/human_readable/verdict").textValue());
  }

  @Test
  void withoutExecutablePathItIsSkippedOnLinux() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"heavyload_stress_test\",\"duration_minutes\":1,"
        + "\"stress_cpu\":true}]}").run();
    r.assertProtocolClean();
    assertEquals("skipped", r.result(0).get("status").asText());
  }

  /** A selection HeavyLoad cannot run is a plan error with its path: nothing starts, exit 1. */
  @Test
  void invalidSelectionIsAPlanError() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"heavyload_stress_test\",\"executable_path\":\""
        + Fixtures.path("fake-tools", "heavyload-ok.sh") + "\",\"duration_minutes\":1}]}").run();
    r.assertExit(1).assertProtocolClean();
    assertEquals(List.of(), r.taskMarkers());
    assertTrue(r.stderrLines().contains("Plan error: tasks[0].stress_cpu, stress_memory, stress_disk, stress_gpu: at"
        + " least one must be true"), r.stderrText());
  }
}
