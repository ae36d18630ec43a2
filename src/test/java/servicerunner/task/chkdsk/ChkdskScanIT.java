package servicerunner.task.chkdsk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** chkdsk_scan through the jar; the in-use fake reads stdin like chkdsk's (Y/N) prompt. */
class ChkdskScanIT {

  @Test
  void fixturePlanRunsThroughFakeChkdsk() throws Exception {
    Path argvLog = Files.createTempFile("chkdsk-argv", ".txt");
    RunResult r = RunnerProcess.jar("fixtures/test_chkdsk_scan.json").env("REPLAY_ARGV_LOG", argvLog.toString()).run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode clean = r.result(0).path("summary");
    assertEquals("C:", clean.path("drive").asText());
    assertTrue(clean.path("found_no_problems").asBoolean());
    assertEquals(685495315L, clean.path("total_disk_kb").asLong());
    assertEquals(172.98, clean.path("duration_seconds").asDouble(), 1e-9);
    // stdin closed: the prompt read EOF, nothing was scheduled, and the task did not hang
    r.assertStatus(1, "warning");
    assertTrue(r.result(1).path("summary").path("prompted_schedule_or_dismount").asBoolean());
    assertFalse(r.result(1).path("summary").path("scheduled").asBoolean());
    // issue 10: chkdsk printed no sizes; the renderer would show a null as "0 B", so they are left out
    assertFalse(r.result(1).path("summary").has("total_disk_kb"), r.result(1).toString());
    assertFalse(r.result(1).path("summary").has("available_kb"), r.result(1).toString());
    // schedule_if_busy: "Y" was sent and the check was scheduled
    r.assertStatus(2, "success");
    assertTrue(r.result(2).path("summary").path("scheduled").asBoolean());
    r.assertStatus(3, "success");
    assertTrue(r.result(3).path("summary").path("made_corrections").asBoolean());
    assertEquals(649084268L, r.result(3).path("summary").path("available_kb").asLong());
    assertEquals(List.of("C:", "C: /f", "C: /f /r", "E: /f"), Files.readAllLines(argvLog));
    Files.deleteIfExists(argvLog);
  }
}
