package servicerunner.task.adwcleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;

class AdwCleanerCleanIT {
  private static final String TOOL = WinToolsTesting.fakeTool("win-tools-adwcleaner");

  @Test
  void fixturePlanRunsThroughTheFakeTool() throws Exception {
    JsonNode res = WinToolsTesting.fixtureResult("test_adwcleaner_clean.json", "success");
    JsonNode s = res.get("summary");
    RendererFields.assertField(s, "cleaned", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "failed", JsonNodeType.NUMBER);
    for (String f : List.of("registry", "files", "folders", "services", "tasks", "shortcuts", "dlls", "wmi", "preinstalled")) {
      RendererFields.assertField(s, f, JsonNodeType.ARRAY);
    }
    RendererFields.assertField(s, "browsers.chromium[0]", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals(7, s.get("cleaned").asInt());
    // the relative working_path from the plan comes back absolute and normalised (B24)
    Path work = Path.of("target/adwcleaner-work").toAbsolutePath();
    assertEquals(work.toString(), s.get("working_path").asText());
    assertEquals(work.resolve("AdwCleaner/Logs/AdwCleaner[C00].txt").toString(), res.get("log_file").asText());
  }

  @Test
  void staleLogFromAnEarlierRunIsIgnored() throws Exception {
    Path work = Files.createTempDirectory("adw-stale");
    Path logs = Files.createDirectories(work.resolve("AdwCleaner/Logs"));
    Path old = logs.resolve("AdwCleaner[C07].txt");
    Files.copy(Fixtures.path("tool-output", "adwcleaner_clean", "cleaned.rc0.utf8"), old);
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
    RunResult r = WinToolsTesting.runTask("{\"type\":\"adwcleaner_clean\",\"executable_path\":\"" + TOOL
        + "\",\"working_path\":\"" + work + "\"}", "WIN_TOOLS_NO_LOG", "1");
    JsonNode res = r.result(0);
    assertEquals("failure", res.get("status").asText(), res.toString());
    assertTrue(res.get("summary").get("error").asText().contains("wrote no log"), res.toString());
  }

  @Test
  void failedItemsGiveAWarning() throws Exception {
    Path work = Files.createTempDirectory("adw-failed");
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"adwcleaner_clean\",\"executable_path\":\"" + TOOL
        + "\",\"working_path\":\"" + work + "\"}", "WIN_TOOLS_CASE", "partly-failed");
    assertEquals(1, res.get("summary").get("failed").asInt());
  }

  @Test
  void unknownLanguageIsAWarningWithVerdictUnknown() throws Exception {
    Path work = Files.createTempDirectory("adw-fr");
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"adwcleaner_clean\",\"executable_path\":\"" + TOOL
        + "\",\"working_path\":\"" + work + "\"}", "WIN_TOOLS_CASE", "unknown-french");
    assertEquals("unknown", res.get("summary").get("human_readable").get("verdict").asText());
  }

  @Test
  void nonZeroExitIsAFailure() throws Exception {
    Path work = Files.createTempDirectory("adw-exit");
    RunResult r = WinToolsTesting.runTask("{\"type\":\"adwcleaner_clean\",\"executable_path\":\"" + TOOL
        + "\",\"working_path\":\"" + work + "\"}", "WIN_TOOLS_EXIT", "3");
    assertEquals("failure", r.result(0).get("status").asText());
    assertTrue(r.taskMarkers().contains("TASK_FAIL:0:adwcleaner_clean - AdwCleaner exited with code 3"));
  }
}
