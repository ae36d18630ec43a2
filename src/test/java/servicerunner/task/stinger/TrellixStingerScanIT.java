package servicerunner.task.stinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;

class TrellixStingerScanIT {
  private static final String TOOL = WinToolsTesting.fakeTool("win-tools-stinger");

  @Test
  void fixturePlanRunsThroughTheFakeTool() throws Exception {
    JsonNode res = WinToolsTesting.fixtureResult("test_trellix_stinger_scan.json", "success");
    JsonNode s = res.get("summary");
    RendererFields.assertField(s, "intent.action", JsonNodeType.STRING);
    RendererFields.assertField(s, "intent.scan_path", JsonNodeType.STRING);
    RendererFields.assertField(s, "intent.scan_scope", JsonNodeType.STRING);
    for (String f : List.of("version", "engine_version", "virus_data_version", "scan_start_time", "scan_end_time",
        "log_file", "stdout_excerpt", "stderr_excerpt")) {
      RendererFields.assertField(s, f, JsonNodeType.STRING);
    }
    for (String f : List.of("virus_count", "total_files", "clean_files", "not_scanned", "infected_files", "exit_code")) {
      RendererFields.assertField(s, f, JsonNodeType.NUMBER);
    }
    RendererFields.assertField(s, "infections[0].threat_name", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals("infections_found", s.get("human_readable").get("verdict").asText());
    assertTrue(s.get("log_file").asText().startsWith(Path.of("target/stinger-logs").toAbsolutePath().toString()));
  }

  @Test
  void folderGivenAsExecutablePathAndStaleOptFileDeleted() throws Exception {
    Path dir = Files.createTempDirectory("stinger-exe");
    Files.copy(Path.of(TOOL), dir.resolve("stinger64.exe"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(dir.resolve("Stinger.opt"), "[Options]\n");
    RunResult r = WinToolsTesting.runTask("{\"type\":\"trellix_stinger_scan\",\"executable_path\":\"" + dir + "\"}",
        "WIN_TOOLS_REPORT", Fixtures.path("tool-output", "trellix_stinger_scan", "clean.rc0.utf8").toString());
    JsonNode res = r.result(0);
    assertEquals("success", res.get("status").asText(), res.toString());
    assertFalse(Files.exists(dir.resolve("Stinger.opt")));
    assertEquals("clean", res.get("summary").get("human_readable").get("verdict").asText());
    assertEquals(dir.toString(), res.get("summary").get("intent").get("logs_dir").asText());
  }

  @Test
  void staleReportIsIgnored() throws Exception {
    Path logs = Files.createTempDirectory("stinger-stale");
    Path old = logs.resolve("Stinger_01012026_100000.html");
    Files.copy(Fixtures.path("tool-output", "trellix_stinger_scan", "infected.rc0.utf8"), old);
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    JsonNode res = WinToolsTesting.taskResult("failure", "{\"type\":\"trellix_stinger_scan\",\"executable_path\":\"" + TOOL
        + "\",\"logs_dir\":\"" + logs + "\"}", "WIN_TOOLS_NO_LOG", "1");
    assertTrue(res.get("summary").get("error").asText().contains("wrote no report"));
  }

  @Test
  void unknownReportIsAWarning() throws Exception {
    Path logs = Files.createTempDirectory("stinger-unknown");
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"trellix_stinger_scan\",\"executable_path\":\"" + TOOL
        + "\",\"logs_dir\":\"" + logs + "\"}", "WIN_TOOLS_CASE", "unknown-format");
    assertEquals("unknown", res.get("summary").get("human_readable").get("verdict").asText());
  }
}
