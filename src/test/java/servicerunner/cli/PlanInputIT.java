package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** Plan shapes and bad input, through the real jar. */
class PlanInputIT {
  @TempDir Path tmp;

  private static final String ECHO = "{\"type\":\"command\",\"command\":[\"echo\",\"hi\"]}";

  @Test
  void objectWithTasksArrayAndSingleTaskShapesAllRun() throws Exception {
    for (String plan : List.of("{\"tasks\":[" + ECHO + "," + ECHO + "]}", "[" + ECHO + "," + ECHO + "]", ECHO)) {
      RunResult r = RunnerProcess.jar(plan).run().assertExit(0).assertProtocolClean();
      JsonNode report = r.report();
      assertEquals("success", report.get("overall_status").asText(), plan);
      assertEquals(plan.startsWith("{\"type\"") ? 1 : 2, report.get("results").size(), plan);
      assertEquals("TASK_START:0:command", r.taskMarkers().get(0));
    }
  }

  @Test
  void planFromFileAndFromStdinAndNestedParams() throws Exception {
    Path f = tmp.resolve("plan.json");
    Files.writeString(f, "{\"tasks\":[{\"type\":\"command\",\"params\":{\"command\":[\"echo\",\"nested\"]}}],"
        + "\"metadata\":{\"technician_name\":\"Ana\",\"hostname\":\"override\"}}");
    JsonNode fromFile = RunnerProcess.jar(f.toString()).run().assertExit(0).report();
    assertTrue(fromFile.get("results").get(0).get("summary").get("stdout_excerpt").asText().contains("nested"));
    assertEquals("Ana", fromFile.get("metadata").get("technician_name").asText());
    assertEquals("override", fromFile.get("metadata").get("hostname").asText(), "plan metadata wins");
    assertTrue(fromFile.get("metadata").has("os_name"));
    JsonNode fromStdin = RunnerProcess.jar("-").stdin(Files.readString(f)).run().assertExit(0).report();
    assertEquals("success", fromStdin.get("results").get(0).get("status").asText());
  }

  @Test
  void unknownTypeIsSkippedNotAnError() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"defrag_floppy\"}," + ECHO + "]}").run().assertExit(0).assertProtocolClean();
    assertEquals("TASK_SKIP:0:defrag_floppy - No handler found for task type", r.taskMarkers().get(0));
    r.assertStatus(0, "skipped");
    assertEquals("defrag_floppy", r.result(0).get("task_type").asText());
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals(2, r.progress().size(), "one PROGRESS_JSON per task, the skipped one included");
  }

  @Test
  void emptyTaskListFinishesWithSuccessAndFinalProgress() throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[]}").run().assertExit(0);
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals(0, r.finalProgress().get("total").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated | {\"tasks\":[{\"type\":\"command\" | line 1, column",
      "trailing garbage | {\"tasks\":[]} x | invalid JSON",
      "duplicate keys | {\"tasks\":[],\"tasks\":[]} | Duplicate field 'tasks'",
      "task not an object | {\"tasks\":[\"ping\"]} | tasks[0]: expected a task object, got a string",
      "param wrong type | {\"tasks\":[{\"type\":\"command\",\"command\":\"echo hi\"}]} | tasks[0].command: expected an array of strings",
      "missing required param | {\"tasks\":[{\"type\":\"command\"}]} | tasks[0].command: required",
      "nested param path | {\"tasks\":[{\"type\":\"command\",\"params\":{\"command\":[1]}}]} | tasks[0].params.command[0]: expected a string",
      "bad timeout | {\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"],\"timeout_seconds\":-1}]} | tasks[0].timeout_seconds: expected a number of seconds greater than 0",
  })
  void badPlansGiveOneLinePerProblemAFailureReportAndExit1(String name, String plan, String expected) throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, plan);
    assertBadPlan(RunnerProcess.jar(f.toString()).run(), expected);
  }

  /**
   * Issue 11 item 4 and issue 17 item 1 (audit D1-D3, D18): values that once ran and failed as tasks with exit 0, or
   * overflowed a timeout and hung the runner, stop the plan before anything starts: exit 1, exactly one plan error
   * line naming the path, and the failure report on stdout.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty command | {\"type\":\"command\",\"command\":[]} | tasks[0].command: expected at least the program name, got an empty array",
      "klingon encoding | {\"type\":\"command\",\"command\":[\"true\"],\"encoding\":\"klingon\"} | tasks[0].encoding: unknown encoding \"klingon\" (expected auto, oem, utf-8, utf-16le or a Java charset name)",
      "ping host -f | {\"type\":\"ping_test\",\"host\":\"-f\"} | tasks[0].host: may not begin with \"-\" (the tool would read it as an option), got \"-f\"",
      "timeout 1e10 | {\"type\":\"command\",\"command\":[\"true\"],\"timeout_seconds\":1e10} | tasks[0].timeout_seconds: expected a number of seconds greater than 0 and at most 604800 (7 days), got the number 1.0E10",
      "idle timeout 1e10 | {\"type\":\"command\",\"command\":[\"true\"],\"idle_timeout_seconds\":1e10} | tasks[0].idle_timeout_seconds: expected a number of seconds greater than 0 and at most 604800 (7 days), got the number 1.0E10",
      "furmark duration 1e10 | {\"type\":\"furmark_stress_test\",\"duration_seconds\":1e10,\"executable_path\":\"/bin/true\"} | tasks[0].duration_seconds: expected at most 604800, got 10000000000",
      "heavyload duration 1e10 | {\"type\":\"heavyload_stress_test\",\"duration_minutes\":1e10,\"stress_cpu\":true,\"executable_path\":\"/bin/true\"} | tasks[0].duration_minutes: expected at most 10080, got 10000000000",
  })
  void valuesThatOnceRanOrHungArePlanErrors(String name, String task, String expected) throws Exception {
    RunResult r = RunnerProcess.jar("{\"tasks\":[" + task + "]}").run();
    assertBadPlan(r, expected);
    assertEquals(expected, r.report().get("error").asText());
    assertEquals(List.of("Plan error: " + expected),
        r.stderrLines().stream().filter(l -> l.startsWith("Plan error")).collect(Collectors.toList()));
    assertFalse(r.stderrText().contains("TASK_START"), r.stderrText());
  }

  @Test
  void emptyBinaryAndMissingFiles() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.json"), "");
    assertBadPlan(RunnerProcess.jar(empty.toString()).run(), "the plan is empty");
    Path bin = Files.write(tmp.resolve("bin.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 1, 2});
    assertBadPlan(RunnerProcess.jar(bin.toString()).run(), "not UTF-8");
    RunResult missing = RunnerProcess.jar(tmp.resolve("nope.json").toString()).run();
    assertBadPlan(missing, "plan file not found");
    // audit D17: a missing file was announced as "Parsing as raw JSON"
    assertTrue(missing.stderrText().startsWith("Reading from file: "), missing.stderrText());
  }

  @Test
  void badPlanStillWritesTheFailureReportFile() throws Exception {
    Path out = tmp.resolve("deep/dir/report.json");
    RunResult r = RunnerProcess.jar("{\"tasks\":[5]}", "--output-file", out.toString()).run();
    assertBadPlan(r, "tasks[0]");
    assertEquals(r.stdout().trim(), Files.readString(out).trim());
  }

  private static void assertBadPlan(RunResult r, String expected) {
    r.assertExit(1).assertProtocolClean();
    JsonNode report = r.report();
    assertEquals("failure", report.get("overall_status").asText());
    assertTrue(report.get("results").isArray() && report.get("results").isEmpty());
    assertTrue(report.get("error").asText().contains(expected), report.get("error").asText());
    List<String> errors = r.stderrLines().stream().filter(l -> l.startsWith("Plan error: ")).collect(Collectors.toList());
    assertFalse(errors.isEmpty(), r.stderrText());
    assertTrue(errors.stream().anyMatch(l -> l.contains(expected)), r.stderrText());
    assertFalse(r.stderrText().contains("\tat "), "no stack trace");
    assertFalse(r.stderrText().contains("Exception"), "no exception names: " + r.stderrText());
  }

  @Test
  void usageErrorsExit2AndHelpListsExitCodes() throws Exception {
    RunResult unknown = RunnerProcess.jar("plan.json", "--frobnicate").run().assertExit(2);
    assertTrue(unknown.stderrText().contains("Usage error"), unknown.stderrText());
    assertEquals("", unknown.stdout());
    RunnerProcess.jar().run().assertExit(2);
    RunResult help = RunnerProcess.jar("--help").run().assertExit(0);
    assertTrue(help.stdout().contains("Exit codes"), help.stdout());
    assertTrue(help.stdout().contains("--log-file"));
    RunResult version = RunnerProcess.jar("--version").run().assertExit(0);
    assertTrue(version.stdout().startsWith("service-runner "), version.stdout());
  }
}
