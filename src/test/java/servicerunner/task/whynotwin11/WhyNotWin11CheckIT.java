package servicerunner.task.whynotwin11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;

class WhyNotWin11CheckIT {
  private static final String TOOL = WinToolsTesting.fakeTool("win-tools-whynotwin11");

  @Test
  void fixturePlanRunsThroughTheFakeTool() throws Exception {
    JsonNode res = WinToolsTesting.fixtureResult("test_whynotwin11_check.json", "success");
    JsonNode s = res.get("summary");
    RendererFields.assertField(s, "ready", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "failing_checks[0]", JsonNodeType.STRING);
    RendererFields.assertField(s, "passing_checks[0]", JsonNodeType.STRING);
    RendererFields.assertField(s, "hostname", JsonNodeType.STRING);
    RendererFields.assertField(s, "checks.TPM Version", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.notes", JsonNodeType.ARRAY);
    assertFalse(s.get("ready").asBoolean());
    assertEquals("not_ready", s.get("human_readable").get("verdict").asText());
  }

  /** Bug B11: the reference pre-created the CSV, so a tool that wrote nothing still gave "success". */
  @Test
  void missingCsvIsAFailure() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"whynotwin11_check\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_NO_LOG", "1");
    assertEquals("failure", r.result(0).get("status").asText());
    assertTrue(r.taskMarkers().stream().anyMatch(m -> m.startsWith("TASK_FAIL:0:whynotwin11_check - WhyNotWin11 wrote no CSV")));
  }

  @Test
  void staleCsvAtTheOutputPathIsNotRead() throws Exception {
    Path csv = Files.createTempFile("wnw11", ".csv");
    Files.copy(Fixtures.path("tool-output", "whynotwin11_check", "ready-utf8.rc0.utf8"), csv,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    WinToolsTesting.taskResult("failure", "{\"type\":\"whynotwin11_check\",\"executable_path\":\"" + TOOL
        + "\",\"output_csv\":\"" + csv + "\"}", "WIN_TOOLS_NO_LOG", "1");
  }

  @Test
  void emptyCsvIsAFailure() throws Exception {
    JsonNode res = WinToolsTesting.taskResult("failure", "{\"type\":\"whynotwin11_check\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "empty");
    assertTrue(res.get("summary").get("error").asText().contains("empty CSV"));
  }

  @Test
  void headerWithoutRowIsUnknown() throws Exception {
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"whynotwin11_check\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "header-only");
    assertEquals("unknown", res.get("summary").get("human_readable").get("verdict").asText());
  }
}
