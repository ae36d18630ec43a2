package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** --validate / --dry-run and --plan-schema through the jar: one JSON document, nothing run, documented exit codes. */
class ValidateIT {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private static JsonNode json(RunResult r) throws Exception {
    return M.readTree(r.stdout()); // throws unless stdout is exactly one JSON document
  }

  private static List<String> taskLines(RunResult r) {
    return r.stderrLines().stream().filter(l -> l.startsWith("TASK_") || l.startsWith("PROGRESS_JSON")).toList();
  }

  @Test
  void aValidPlanSaysWhatEachTaskWouldDoAndRunsNothing() throws Exception {
    Path marker = tmp.resolve("ran");
    String plan = "{\"tasks\": ["
        + "{\"id\": \"touch\", \"type\": \"command\", \"command\": [\"touch\", \"" + marker + "\"], \"timeout_seconds\": 5,"
        + " \"retry\": {\"attempts\": 2, \"delay_seconds\": 1}},"
        + "{\"type\": \"command\", \"command\": [\"no-such-program-sr14\"], \"on_failure\": \"stop\"},"
        + "{\"type\": \"sfc_scan\", \"executable_path\": \"fixtures/fake-tools/sfc-clean\","
        + " \"run_if\": {\"task\": \"touch\", \"status\": [\"failure\", \"error\"]}, \"allow_failure\": true},"
        + "{\"type\": \"chkdsk_scan\"}, {\"type\": \"defragment\"}]}";
    RunResult r = RunnerProcess.jar(plan, "--validate").run().assertExit(0);
    assertFalse(Files.exists(marker), "nothing ran");
    assertEquals(List.of(), taskLines(r));
    JsonNode v = json(r);
    assertTrue(v.get("valid").asBoolean());
    assertEquals(0, v.get("errors").size());
    JsonNode t = v.get("tasks");
    assertEquals(5, t.size());
    assertEquals("touch", t.get(0).get("id").asText());
    assertTrue(t.get(0).get("would_run").asBoolean());
    assertEquals(M.readTree("[\"touch\", \"" + marker + "\"]"), t.get(0).get("argv"));
    assertEquals(5.0, t.get(0).get("timeout_seconds").asDouble());
    assertEquals(M.readTree("{\"attempts\": 2, \"delay_seconds\": 1.0, \"backoff\": 1.0, \"on\": [\"failure\", \"error\"]}"),
        t.get(0).get("retry"));
    assertFalse(t.get(1).get("would_run").asBoolean());
    assertEquals("executable not found: no-such-program-sr14", t.get(1).get("reason").asText());
    assertEquals("stop", t.get(1).get("on_failure").asText());
    assertTrue(t.get(2).get("would_run").asBoolean());
    assertEquals(M.readTree("[\"fixtures/fake-tools/sfc-clean\", \"/scannow\"]"), t.get(2).get("argv"));
    assertEquals(3600.0, t.get(2).get("timeout_seconds").asDouble());
    assertEquals(M.readTree("{\"task\": \"touch\", \"status\": [\"failure\", \"error\"]}"), t.get(2).get("run_if"));
    assertEquals(M.readTree("[\"touch\"]"), t.get(2).get("after"));
    assertTrue(t.get(2).get("allow_failure").asBoolean());
    assertEquals(M.readTree("[0]"), t.get(2).get("waits_for"), "a condition implies needs");
    assertEquals(M.readTree("{\"disk:C:\": 1.0, \"servicing\": 1.0}"), t.get(2).get("resources"));
    assertEquals(M.readTree("{\"disk:C:\": 1.0}"), t.get(3).get("resources"), "chkdsk claims its drive's pool");
    assertFalse(t.get(0).get("exclusive").asBoolean());
    assertEquals("requires Windows", t.get(3).get("reason").asText());
    assertTrue(t.get(3).path("argv").isMissingNode(), "a task that cannot run here shows no argv");
    assertEquals("No handler found for task type", t.get(4).get("reason").asText());
  }

  @Test
  void theDryRunAliasAndTheRepairPlan() throws Exception {
    RunResult r = RunnerProcess.jar(Fixtures.path("plans", "repair-windows-image.json").toString(), "--dry-run")
        .run().assertExit(0);
    JsonNode v = json(r);
    assertTrue(v.get("valid").asBoolean());
    assertEquals(3, v.get("tasks").size());
    assertEquals(M.readTree("{\"task\": \"sfc_first\", \"verdict\": [\"could_not_repair\"]}"),
        v.at("/tasks/1/run_if"));
    assertEquals(List.of(), taskLines(r));
  }

  @Test
  void anInvalidPlanIsValidFalseWithEveryErrorAndExit1() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\": [{\"id\": \"a\", \"type\": \"command\", \"command\": [\"true\"],"
        + " \"run_if\": {\"task\": \"b\", \"status\": [\"success\"]}}, {\"id\": \"b\", \"type\": \"ping_test\","
        + " \"host\": \"127.0.0.1\", \"count\": 0}]}", "--validate").run().assertExit(1);
    JsonNode v = json(r);
    assertFalse(v.get("valid").asBoolean());
    assertEquals(List.of("tasks[0].run_if.task: \"b\" is tasks[1], which does not come before tasks[0] (a condition"
        + " tests tasks earlier in plan order)"), M.convertValue(v.get("errors"), List.class));
    r = RunnerProcess.jar("{\"tasks\": [{\"type\": \"ping_test\", \"host\": \"127.0.0.1\", \"count\": 0}]}",
        "--validate").run().assertExit(1);
    assertEquals("tasks[0].count: expected at least 1, got 0", json(r).at("/errors/0").asText());
    assertTrue(r.stderrLines().contains("Plan error: tasks[0].count: expected at least 1, got 0"), r.stderrText());
    assertEquals(0, json(r).get("tasks").size());
  }

  @Test
  void thePlanSchemaIsPrintedAsOneDocument() throws Exception {
    RunResult r = RunnerProcess.jar("--plan-schema").run().assertExit(0);
    JsonNode s = json(r);
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
    assertTrue(s.at("/$defs/task/allOf").size() >= 24);
  }
}
