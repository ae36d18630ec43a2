package servicerunner.task.drivecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

class DriveCleanupCleanIT {
  private static final String TOOL = WinToolsTesting.fakeTool("win-tools-drivecleanup");

  @Test
  void fixturePlanRunsThroughTheFakeTool() throws Exception {
    Path args = Files.createTempFile("dc-args", ".txt");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_drivecleanup_clean.json").toString())
        .env("WIN_TOOLS_ARGS_FILE", args.toString()).run().assertProtocolClean();
    JsonNode res = r.result(0);
    assertEquals("success", res.get("status").asText(), res.toString());
    JsonNode s = res.get("summary");
    for (String c : List.of("usb_devices_removed", "usb_hubs_removed", "disk_devices_removed", "cdrom_devices_removed",
        "floppy_devices_removed", "storage_volumes_removed", "wpd_devices_removed", "registry_items_removed")) {
      RendererFields.assertField(s, "counts." + c, JsonNodeType.NUMBER);
    }
    RendererFields.assertField(s, "intent.test_only", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "intent.cleanup_all", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "removed_items[0].category", JsonNodeType.STRING);
    RendererFields.assertField(s, "removed_items[0].id", JsonNodeType.STRING);
    RendererFields.assertField(s, "removed_items_total", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "removed_items_truncated", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "stdout_excerpt", JsonNodeType.STRING);
    RendererFields.assertField(s, "stderr_excerpt", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals(2, s.get("counts").get("usb_devices_removed").asInt());
    assertEquals("would_remove", s.get("human_readable").get("verdict").asText());
    List<String> lines = Files.readAllLines(args);
    assertEquals(List.of("cwd=" + Path.of("fixtures/fake-tools").toAbsolutePath().normalize(), "arg=-t", "arg=-n",
        "arg=-v", "arg=-d", "arg=-c", "arg=-u", "arg=-w", "arg=-r"), lines);
    Files.deleteIfExists(args);
  }

  @Test
  void unrecognisedOutputIsAWarningWithVerdictUnknown() throws Exception {
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"drivecleanup_clean\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "unknown-german");
    assertEquals("unknown", res.get("summary").get("human_readable").get("verdict").asText());
    assertTrue(res.get("summary").has("raw_tail"));
  }

  @Test
  void usageTextWithErrorExitIsNotASuccess() throws Exception {
    WinToolsTesting.taskResult("warning", "{\"type\":\"drivecleanup_clean\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "usage", "WIN_TOOLS_EXIT", "1");
  }

  @Test
  void nonZeroExitIsAFailure() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"drivecleanup_clean\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_EXIT", "5");
    assertEquals("failure", r.result(0).get("status").asText());
    assertTrue(r.taskMarkers().contains("TASK_FAIL:0:drivecleanup_clean - DriveCleanup exited with code 5"));
  }
}
