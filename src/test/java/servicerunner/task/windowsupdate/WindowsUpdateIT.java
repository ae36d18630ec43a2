package servicerunner.task.windowsupdate;

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

class WindowsUpdateIT {
  private static final String PS = WinToolsTesting.fakeTool("win-tools-powershell");

  @Test
  void fixturePlanRunsThroughFakePowerShell() throws Exception {
    Path copy = Files.createTempFile("wu-script", ".ps1");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_windows_update.json").toString())
        .env("WIN_TOOLS_SCRIPT_COPY", copy.toString()).run().assertProtocolClean();
    JsonNode res = r.result(0);
    assertEquals("success", res.get("status").asText(), res.toString());
    JsonNode s = res.get("summary");
    RendererFields.assertField(s, "pre_scan", JsonNodeType.OBJECT);
    for (String f : List.of("count_installed", "count_downloaded", "count_failed", "count_windows_installed",
        "count_driver_installed")) {
      RendererFields.assertField(s, "install." + f, JsonNodeType.NUMBER);
    }
    for (String f : List.of("Title", "KB", "Size", "Category", "Result")) {
      RendererFields.assertField(s, "install.items[0]." + f, JsonNodeType.STRING);
    }
    RendererFields.assertField(s, "install.items[0].IsDriver", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "post_scan", JsonNodeType.OBJECT);
    RendererFields.assertField(s, "reboot_required", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "meta.module_available", JsonNodeType.BOOLEAN);
    for (String f : List.of("module_version", "get_command", "install_command")) {
      RendererFields.assertField(s, "meta." + f, JsonNodeType.STRING);
    }
    RendererFields.assertField(s, "errors", JsonNodeType.ARRAY);
    RendererFields.assertField(s, "timings", JsonNodeType.OBJECT);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.notes", JsonNodeType.ARRAY);
    RendererFields.assertField(s, "stderr_excerpt", JsonNodeType.STRING);
    assertEquals("updated", s.get("human_readable").get("verdict").asText());
    // the [WU] lines were streamed live (prefixed free-text lines on stderr)
    assertTrue(r.stderrLines().stream().anyMatch(l -> l.contains("[WU] Installing updates") && !l.startsWith("[WU]")),
        String.join("\n", r.stderrLines()));
    // the runner wrote the script into its scratch folder and removed it afterwards
    String script = Files.readString(copy);
    assertTrue(script.contains("<<<SR-WU-JSON-BEGIN>>>"));
    String scriptPath = res.get("command").get(5).asText();
    assertTrue(scriptPath.endsWith("sr_windows_update.ps1"), scriptPath);
    assertTrue(Files.notExists(Path.of(scriptPath)), "scratch script left behind: " + scriptPath);
    Files.deleteIfExists(copy);
  }

  @Test
  void failedInstallIsCompletedWithErrors() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"windows_update\",\"executable_path\":\"" + PS + "\"}",
        "WIN_TOOLS_CASE", "failed-install");
    assertEquals("completed_with_errors", r.result(0).get("status").asText());
    assertEquals("completed-with-errors", r.result(0).get("summary").get("human_readable").get("verdict").asText());
  }

  @Test
  void missingModuleIsAFailure() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"windows_update\",\"executable_path\":\"" + PS + "\"}",
        "WIN_TOOLS_CASE", "module-unavailable");
    assertEquals("failure", r.result(0).get("status").asText());
    assertTrue(r.taskMarkers().stream().anyMatch(m -> m.startsWith("TASK_FAIL:0:windows_update - PSWindowsUpdate is not available")));
  }

  @Test
  void noResultJsonIsAFailureWithTheOutputKept() throws Exception {
    JsonNode res = WinToolsTesting.taskResult("failure", "{\"type\":\"windows_update\",\"executable_path\":\"" + PS + "\"}",
        "WIN_TOOLS_CASE", "no-json", "WIN_TOOLS_EXIT", "1");
    assertTrue(res.get("summary").get("stdout_excerpt_on_error").asText().contains("is not recognized"));
  }

  /** Without executable_path the engine skips the Windows-only type on other systems. */
  @Test
  void skippedOffWindowsWithoutExecutablePath() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"windows_update\"}");
    assertEquals("skipped", r.result(0).get("status").asText(), r.result(0).toString());
    assertTrue(r.taskMarkers().stream().anyMatch(m -> m.startsWith("TASK_SKIP:0:windows_update - requires")), r.taskMarkers().toString());
  }
}
