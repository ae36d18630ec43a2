package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** --output-file, --log-file and the report's shape, as the app and a technician read them. */
class OutputFilesIT {
  @TempDir Path tmp;

  private static final String PLAN = "{\"tasks\":[{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"echo one; echo two\"]},"
      + "{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"exit 1\"]},{\"type\":\"mystery\"}],"
      + "\"metadata\":{\"customer_name\":\"Zoë\"}}";

  @Test
  void logFileHoldsExactlyTheStderrLinesEvenWithABareFileName() throws Exception {
    // the app passes a full path; a bare name used to disable file logging in the reference (B12)
    RunResult r = RunnerProcess.jar(PLAN, "--log-file", "run.log.txt").dir(tmp).run().assertExit(0).assertProtocolClean();
    List<String> log = Files.readAllLines(tmp.resolve("run.log.txt"));
    assertEquals(r.stderrLines(), log);
    assertTrue(log.contains("TASK_OK:0:command"));
  }

  @Test
  void outputFileEqualsStdoutAndLeavesNoTempFiles() throws Exception {
    Path out = tmp.resolve("reports/2026/report.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "old report");
    RunResult r = RunnerProcess.jar(PLAN, "-o", out.toString()).run().assertExit(0);
    assertEquals(r.stdout(), Files.readString(out) + "\n");
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of("report.json"), files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }
    assertTrue(r.stderrLines().contains("Final report written to '" + out + "'"));
  }

  @Test
  void reportHasTheFieldsTheAppReads() throws Exception {
    RunResult r = RunnerProcess.jar(PLAN).run().assertExit(0);
    JsonNode rep = r.report();
    assertTrue(r.stdout().startsWith("{\n  \"overall_status\": \"completed_with_errors\",\n"), "indent-2 like the reference");
    assertTrue(r.stdout().endsWith("}\n"));
    assertEquals(3, rep.get("results").size(), "one result per plan task, in plan order");
    for (int i = 0; i < 3; i++) {
      JsonNode res = rep.get("results").get(i);
      assertTrue(res.get("task_type").isTextual());
      assertTrue(res.get("status").isTextual());
      assertTrue(res.get("summary").isObject());
      assertTrue(res.get("started_at").asText().endsWith("Z"));
      assertTrue(res.get("duration_seconds").isNumber());
    }
    assertTrue(rep.get("results").get(0).get("summary").get("duration_seconds").isNumber());
    assertEquals("Zoë", rep.get("metadata").get("customer_name").asText());
    for (String k : List.of("hostname", "username", "os_name", "os_version")) {
      assertTrue(rep.get("metadata").has(k), k);
    }
    assertEquals(3, rep.get("completed_count").asInt());
    assertEquals(3, rep.get("total_count").asInt());
    assertTrue(rep.get("run_timestamp").isTextual());
    assertTrue(rep.get("total_duration_seconds").isNumber());
    assertTrue(rep.get("runner_version").isTextual());
    JsonNode fin = r.finalProgress();
    assertEquals("final", fin.get("type").asText());
    assertEquals("completed_with_errors", fin.get("overall_status").asText());
    assertEquals(3, fin.get("results").size());
  }

  @Test
  void markersComeInTheReferenceOrder() throws Exception {
    RunResult r = RunnerProcess.jar(PLAN).run().assertExit(0);
    List<String> seq = r.stderrLines().stream()
        .filter(l -> l.startsWith("TASK_") || l.startsWith("PROGRESS_JSON") || l.startsWith("Starting task") || l.startsWith("Task command took"))
        .map(l -> l.startsWith("PROGRESS_JSON:") ? "PROGRESS" : l.startsWith("PROGRESS_JSON_FINAL:") ? "FINAL" : l)
        .collect(Collectors.toList());
    assertEquals(List.of(
        "TASK_START:0:command", "Starting task 1/3: command", "TASK_OK:0:command", "Task command took", "PROGRESS",
        "TASK_START:1:command", "Starting task 2/3: command", "TASK_FAIL:1:command - sh exited with code 1, expected 0",
        "Task command took", "PROGRESS",
        "TASK_SKIP:2:mystery - No handler found for task type", "PROGRESS", "FINAL"),
        seq.stream().map(l -> l.startsWith("Task command took") ? "Task command took" : l).collect(Collectors.toList()));
  }

  @Test
  void progressModesKeepIndicesRight() throws Exception {
    List<JsonNode> stubs = RunnerProcess.jar(PLAN).run().progress();
    assertEquals(3, stubs.size());
    for (int i = 0; i < 3; i++) {
      JsonNode results = stubs.get(i).get("results");
      assertEquals(i + 1, results.size());
      for (int j = 0; j < i; j++) {
        assertTrue(results.get(j).isNull(), "earlier rows keep their marker state");
      }
      assertEquals(results.get(i).get("task_type"), stubs.get(i).get("last_result").get("task_type"));
      assertEquals(results.get(i).get("status"), stubs.get(i).get("last_result").get("status"));
      assertTrue(results.get(i).has("summary"), "the newest result is complete at its own index");
      assertEquals(i + 1, stubs.get(i).get("completed").asInt());
    }
    List<JsonNode> full = RunnerProcess.jar(PLAN, "--progress-results", "full").run().progress();
    assertTrue(full.get(2).get("last_result").has("summary"));
    assertEquals("success", full.get(2).get("results").get(0).get("status").asText());
    List<JsonNode> none = RunnerProcess.jar(PLAN, "--progress-results", "none").run().progress();
    assertFalse(none.get(2).has("results"));
    RunnerProcess.jar(PLAN, "--progress-results", "some").run().assertExit(2);
  }
}
