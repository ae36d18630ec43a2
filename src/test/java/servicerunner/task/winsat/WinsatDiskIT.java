package servicerunner.task.winsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** winsat_disk through the jar against a fake winsat replaying a recorded Windows 10 run. */
class WinsatDiskIT {

  @Test
  void fixturePlanRunsThroughFakeWinsat() throws Exception {
    Path argvLog = Files.createTempFile("winsat-argv", ".txt");
    RunResult r = RunnerProcess.jar("fixtures/test_winsat_disk.json").env("REPLAY_ARGV_LOG", argvLog.toString()).run();
    r.assertExit(0).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).path("summary");
    assertEquals("C:", s.path("drive").asText());
    assertEquals(269.49, s.path("results").path("sequential_read_mbps").asDouble(), 1e-9);
    assertEquals(15.8, s.path("duration_seconds").asDouble(), 1e-9);
    assertEquals("D:", r.result(1).path("summary").path("drive").asText());
    // B22: flush mode passes -flush, not the reference's bare "flush"
    assertEquals(List.of("disk -drive c", "disk -flush -drive d"), Files.readAllLines(argvLog));
    Files.deleteIfExists(argvLog);
  }

  /** Issue 10: the renderer's chart draws Number(null) as a 0 MB/s bar; unknown throughputs are left out. */
  @Test
  void unmeasuredThroughputsAreLeftOutNotNull() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"winsat_disk\",\"executable_path\":\""
        + Fixtures.path("fake-tools", "winsat-no-metrics") + "\"}]}").run();
    r.assertExit(0).assertProtocolClean();
    JsonNode s = r.result(0).path("summary");
    for (String f : List.of("random_read_mbps", "sequential_read_mbps", "sequential_write_mbps")) {
      assertFalse(s.path("results").has(f), f + " must be absent, not null: " + s);
    }
    assertFalse(s.path("human_readable").has("score"), s.toString());
  }
}
