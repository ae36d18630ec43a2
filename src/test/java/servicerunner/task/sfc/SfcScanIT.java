package servicerunner.task.sfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** sfc_scan through the jar, against fake sfc executables replaying UTF-16LE bytes with CR progress. */
class SfcScanIT {

  @Test
  void fixturePlanRunsThroughFakeSfc() throws Exception {
    Path argvLog = Files.createTempFile("sfc-argv", ".txt");
    RunResult r = RunnerProcess.jar("fixtures/test_sfc_scan.json").env("REPLAY_ARGV_LOG", argvLog.toString()).run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    r.assertStatus(1, "error"); // unrepaired corruption must not be painted green by the app
    r.assertStatus(2, "warning");
    r.assertStatus(3, "error");
    JsonNode clean = r.result(0).path("summary");
    assertEquals("no_violations", clean.path("verdict").asText());
    assertEquals(false, clean.path("integrity_violations").asBoolean(true));
    assertEquals("unknown", r.result(2).path("summary").path("verdict").asText());
    assertTrue(r.result(2).path("summary").path("output_tail").asText().contains("integridade"));
    assertTrue(r.result(3).path("summary").path("access_denied").asBoolean());
    assertEquals(List.of("/scannow", "/scannow", "/scannow", "/verifyonly"), Files.readAllLines(argvLog));
    // the CR-redrawn progress arrives as separate live lines, not one blob at the end
    assertTrue(r.stderrLines().stream().anyMatch(l -> l.endsWith("Verification 37% complete.")), r.stderrText());
    assertTrue(r.taskMarkers().contains("TASK_FAIL:1:sfc_scan - Corrupt system files were found but some could not be repaired."));
    assertTrue(r.taskMarkers().contains("TASK_FAIL:3:sfc_scan - sfc needs an elevated (administrator) console session."),
        r.taskMarkers().toString());
    Files.deleteIfExists(argvLog);
  }
}
