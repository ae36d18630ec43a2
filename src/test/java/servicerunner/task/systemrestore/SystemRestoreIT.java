package servicerunner.task.systemrestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Platform;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** system_restore through the jar against a fake powershell; also the Windows-only skip of all five types. */
class SystemRestoreIT {

  @Test
  void fixturePlanKeepsPlanOrderAndParsesEachOutcome() throws Exception {
    Path argvLog = Files.createTempFile("restore-argv", ".txt");
    RunResult r = RunnerProcess.jar("fixtures/test_system_restore.json").env("REPLAY_ARGV_LOG", argvLog.toString())
        .run();
    r.assertExit(0).assertProtocolClean();
    assertEquals("command", r.result(0).path("task_type").asText(), "system_restore is not moved to index 0");
    r.assertStatus(1, "success");
    JsonNode created = r.result(1).path("summary");
    assertTrue(created.path("results").path("restore_point_created").asBoolean());
    assertEquals("Before maintenance (Bob's PC)", created.path("results").path("description").asText());
    assertTrue(created.path("duration_seconds").isNumber());
    r.assertStatus(2, "skipped");
    assertTrue(r.taskMarkers().contains("TASK_SKIP:2:system_restore - restore point already created in the last 24 hours"),
        r.taskMarkers().toString());
    r.assertStatus(3, "error");
    JsonNode attempt = r.result(3).path("summary").path("results").path("remediation_attempt");
    assertTrue(attempt.isObject(), r.result(3).toString());
    assertEquals(false, attempt.path("succeeded").asBoolean(true));
    List<String> argv = Files.readAllLines(argvLog);
    assertEquals("-NoProfile -ExecutionPolicy Bypass -Command Checkpoint-Computer -Description "
        + "'Before maintenance (Bob''s PC)' -RestorePointType 'MODIFY_SETTINGS'", argv.get(0));
    assertTrue(argv.get(3).contains("Enable-ComputerRestore"), argv.toString());
    assertEquals(5, argv.size(), "checkpoint, checkpoint, checkpoint, enable, retried checkpoint: " + argv);
    Files.deleteIfExists(argvLog);
  }

  @Test
  void windowsTypesAreSkippedOffWindowsWithoutExecutablePath() throws Exception {
    if (Platform.current().isWindows()) {
      return; // on Windows these would run the real tools
    }
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"sfc_scan\"},{\"type\":\"dism_health_check\"},"
        + "{\"type\":\"chkdsk_scan\"},{\"type\":\"winsat_disk\"},{\"type\":\"system_restore\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    String[] types = {"sfc_scan", "dism_health_check", "chkdsk_scan", "winsat_disk", "system_restore"};
    for (int i = 0; i < types.length; i++) {
      r.assertStatus(i, "skipped");
      assertTrue(r.taskMarkers().contains("TASK_SKIP:" + i + ":" + types[i] + " - requires Windows"),
          r.taskMarkers().toString());
    }
  }
}
