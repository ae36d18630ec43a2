package servicerunner.task.furmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** FurMark is not on this machine: fixtures/fake-tools/furmark-fake.sh replays report bytes with an exit code. */
class FurmarkStressTestIT {

  @Test
  void fixturePlanThroughTheJar() throws Exception {
    RunResult r = RunnerProcess.jar("fixtures/test_furmark_stress_test.json").dir(Fixtures.root().getParent()).run();
    r.assertProtocolClean();
    assertEquals(List.of(
        "TASK_START:0:furmark_stress_test", "TASK_OK:0:furmark_stress_test",
        "TASK_START:1:furmark_stress_test", "TASK_OK:1:furmark_stress_test",
        "TASK_START:2:furmark_stress_test", "TASK_FAIL:2:furmark_stress_test - FurMark exited with code 3: GPU device lost",
        "TASK_START:3:furmark_stress_test", "TASK_FAIL:3:furmark_stress_test - FurMark timed out after 2 s and was stopped",
        "TASK_START:4:furmark_stress_test", "TASK_OK:4:furmark_stress_test"),
        r.taskMarkers());
    JsonNode ok = r.result(0);
    assertEquals("success", ok.get("status").asText());
    assertEquals(103, ok.at("/summary/fps/avg").asInt());
    assertEquals(52, ok.at("/summary/gpus/0/max_temperature_c").asInt());
    assertEquals("[\"fixtures/fake-tools/furmark-fake.sh\",\"--demo\",\"furmark-gl\",\"--width\",\"1920\",\"--height\","
        + "\"1080\",\"--max-time\",\"60\",\"--no-gui\"]", ok.get("command").toString());
    assertEquals("warning", r.result(1).get("status").asText());
    assertTrue(r.result(3).at("/summary/timed_out").asBoolean());
    JsonNode hung = r.result(4);
    assertEquals("warning", hung.get("status").asText(), "the report printed before the hang still counts");
    assertEquals(118, hung.at("/summary/frames").asInt());
    assertTrue(hung.at("/summary/warning").asText().contains("did not exit"), hung.toString());
    // the live output is forwarded ASCII-safe even though the report has a 0xB0 degree byte
    assertTrue(r.stderrLines().stream().anyMatch(l -> l.contains(".max temperature: 52")), "forwarded output");
  }
}
