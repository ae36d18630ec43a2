package servicerunner.task.kvrt;

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

class KvrtScanIT {
  private static final String TOOL = WinToolsTesting.fakeTool("win-tools-kvrt");

  @Test
  void fixturePlanRunsThroughTheFakeTool() throws Exception {
    Path args = Files.createTempFile("kvrt-args", ".txt");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_kvrt_scan.json").toString())
        .env("WIN_TOOLS_ARGS_FILE", args.toString()).run().assertProtocolClean();
    JsonNode res = r.result(0);
    assertEquals("success", res.get("status").asText(), res.toString());
    assertEquals(List.of("TASK_START:0:kvrt_scan", "TASK_OK:0:kvrt_scan"), r.taskMarkers());
    JsonNode s = res.get("summary");
    for (String f : List.of("processed", "processing_errors", "detected", "password_protected", "corrupted",
        "removed_count")) {
      RendererFields.assertField(s, f, JsonNodeType.NUMBER);
    }
    RendererFields.assertField(s, "detections[0].threat", JsonNodeType.STRING);
    RendererFields.assertField(s, "detections[0].action", JsonNodeType.STRING);
    RendererFields.assertField(s, "quarantine_dir", JsonNodeType.STRING);
    RendererFields.assertField(s, "processlevel", JsonNodeType.NUMBER);
    for (String f : List.of("silent", "details", "dontencrypt", "noads", "fixednames")) {
      RendererFields.assertField(s, f, JsonNodeType.BOOLEAN);
    }
    RendererFields.assertField(s, "exit_code", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "stdout_excerpt", JsonNodeType.STRING);
    RendererFields.assertField(s, "stderr_excerpt", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals(201344, s.get("processed").asInt());
    assertEquals("threats_found", s.get("human_readable").get("verdict").asText());
    // cwd = the exe's folder, exe given relative to the runner's cwd and resolved to an absolute path
    List<String> lines = Files.readAllLines(args);
    assertEquals("cwd=" + Path.of("fixtures/fake-tools").toAbsolutePath().normalize(), lines.get(0));
    assertTrue(lines.contains("arg=-accepteula") && lines.contains("arg=C:\\KVRT_ScanResults"), lines.toString());
    assertTrue(res.get("command").get(0).asText().startsWith("/"), res.get("command").toString());
    Files.deleteIfExists(args);
  }

  @Test
  void localisedReportIsAWarningWithVerdictUnknown() throws Exception {
    JsonNode res = WinToolsTesting.taskResult("warning", "{\"type\":\"kvrt_scan\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "localised-ru");
    assertEquals("unknown", res.get("summary").get("human_readable").get("verdict").asText());
    assertTrue(res.get("summary").get("raw_tail").asText().contains("1000"));
  }

  @Test
  void nonZeroExitIsAFailureWithReason() throws Exception {
    RunResult r = WinToolsTesting.runTask("{\"type\":\"kvrt_scan\",\"executable_path\":\"" + TOOL + "\"}",
        "WIN_TOOLS_CASE", "clean", "WIN_TOOLS_EXIT", "2");
    assertEquals("failure", r.result(0).get("status").asText());
    assertTrue(r.taskMarkers().contains("TASK_FAIL:0:kvrt_scan - KVRT exited with code 2"), r.taskMarkers().toString());
  }
}
