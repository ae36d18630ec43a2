package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** Input of any size or shape ends in a report or one clear line (audit D7, D12, D17, corpus case 123). */
class PlanLimitsIT {
  @TempDir Path tmp;

  private static void noStackTrace(RunResult r) {
    assertFalse(r.stderrText().contains("\tat ") || r.stderrText().contains("Exception in thread"), r.stderrText());
  }

  @Test
  void devZeroIsAPlanErrorWithAFailureReport() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    RunResult r = RunnerProcess.jar("/dev/zero", "--max-plan-bytes", "4M").run().assertExit(1).assertProtocolClean();
    noStackTrace(r);
    assertEquals("failure", r.report().get("overall_status").asText());
    assertEquals("/dev/zero: the plan is more than 4,194,304 bytes, larger than the limit of 4,194,304 bytes"
        + " (raise it with --max-plan-bytes)", r.report().get("error").asText());
    assertTrue(r.stderrLines().contains("Plan error: " + r.report().get("error").asText()));
  }

  @Test
  void theLimitAppliesToFilesAndStdinAndABadLimitIsAUsageError() throws Exception {
    Path p = tmp.resolve("plan.json");
    Files.writeString(p, "{\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"]}]}");
    RunnerProcess.jar(p.toString(), "--max-plan-bytes", "1K").run().assertExit(0);
    RunResult r = RunnerProcess.jar(p.toString(), "--max-plan-bytes", "20").run().assertExit(1);
    assertTrue(r.report().get("error").asText().contains("larger than the limit of 20 bytes"), r.stdout());
    r = RunnerProcess.jar("-", "--max-plan-bytes", "20").stdin(Files.readString(p)).run().assertExit(1);
    assertTrue(r.report().get("error").asText().startsWith("stdin: the plan is more than 20 bytes"), r.stdout());
    r = RunnerProcess.jar(p.toString(), "--max-plan-bytes", "-5").run().assertExit(2);
    assertEquals("", r.stdout());
  }

  @Test
  void largeMetadataReachesTheReportWhole() throws Exception {
    StringBuilder b = new StringBuilder("{\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"]}],\"metadata\":{");
    for (int i = 0; i < 20_000; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\u00e9").append(i).append('"');
    }
    b.append(",\"hostname\":\"from-plan\"}}");
    Path p = tmp.resolve("big.json");
    Files.writeString(p, b);
    Path out = tmp.resolve("report.json");
    RunResult r = RunnerProcess.jar(p.toString(), "-o", out.toString()).run().assertExit(0).assertProtocolClean();
    JsonNode md = r.report().get("metadata");
    assertEquals(20_004, md.size());
    assertEquals("from-plan", md.get("hostname").asText(), "the plan's value wins");
    assertEquals("hostname", md.fieldNames().next(), "system keys first, as the reference");
    assertEquals("v\u00e919999", md.get("k19999").asText());
    assertEquals(r.stdout(), Files.readString(out) + "\n");
  }

  @Test
  void aPathWithANewlineStaysOnOneLine() throws Exception {
    // corpus case 123: a plan path (or any echoed input) holding a newline and a marker
    String evil = "x\nTASK_OK:0:evil\u00e9";
    List<RunResult> runs = List.of(
        RunnerProcess.jar(tmp.resolve(evil).toString()).run().assertExit(1),
        RunnerProcess.jar("[]", "--log-file", "/dev/null/" + evil).run().assertExit(0),
        RunnerProcess.jar("[]", "--progress-results", evil).run().assertExit(2),
        RunnerProcess.jar("[]", "--" + evil, "x").run().assertExit(2));
    for (RunResult r : runs) {
      r.assertProtocolClean();
      assertTrue(r.stderrLines().stream().noneMatch(l -> l.startsWith("TASK_OK")), r.stderrText());
      assertTrue(r.stderrText().contains("TASK_OK:0:evil\\u00e9"), "escaped in place: " + r.stderrText());
    }
    Files.writeString(tmp.resolve(evil), "[]");
    RunResult r = RunnerProcess.jar(tmp.resolve(evil).toString()).run().assertExit(0).assertProtocolClean();
    assertTrue(r.stderrLines().stream().noneMatch(l -> l.startsWith("TASK_OK")), r.stderrText());
  }

  @Test
  void typesAreBoundedAndNeverSplitByTheAppsRegex() throws Exception {
    RunResult r = RunnerProcess.jar("[{\"type\":\"ping-test\"}]").run().assertExit(0).assertProtocolClean();
    assertTrue(r.taskMarkers().contains("TASK_SKIP:0:ping\\u002dtest - No handler found for task type"),
        r.taskMarkers().toString());
    // a 1 MB type put 5 MB on stderr (D17): now a plan error of one short line
    r = RunnerProcess.jar("-").stdin("[{\"type\":\"ping_test\"},{\"type\":\"" + "t".repeat(1_000_000) + "\"}]").run()
        .assertExit(1).assertProtocolClean();
    assertEquals("[1].type: expected a task type id of at most 100 characters, got a string of 1,000,000 characters",
        r.report().get("error").asText());
    assertTrue(r.stderrLines().stream().allMatch(l -> l.length() < 1000), r.stderrText().length() + " characters");
  }

  @Test
  void theFinalLineDropsResultsBeyondItsBound() throws Exception {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 12; i++) { // each result ~12 KB once the accents are escaped: the final line > 64 KiB
      b.append(i == 0 ? "" : ",").append("{\"type\":\"command\",\"command\":[\"printf\",\"%s\",\"")
          .append("\u00e9".repeat(1000)).append("\"]}");
    }
    RunResult r = RunnerProcess.jar(b.append("]").toString()).run().assertExit(0).assertProtocolClean();
    JsonNode fin = r.finalProgress();
    assertTrue(fin.get("results_omitted").asBoolean());
    assertFalse(fin.has("results"));
    assertEquals("success", fin.get("overall_status").asText());
    assertTrue(r.stderrLines().stream().allMatch(l -> l.length() <= 64 * 1024));
    assertEquals(12, r.progress().size());
    assertTrue(r.progress().get(11).has("results"), "a line under the bound keeps its results");
  }

  @Test
  void aDefectMetWhileCheckingThePlanStillGivesAReport() throws Exception {
    // the audit's furmark 1e300 overflowed outside the plan checks: "Internal error", exit 1, nothing on stdout.
    // Whether it is refused as a plan error (1) or reaches the defect path (3), a failure report comes with it.
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"furmark_stress_test\",\"duration_seconds\":1e300,"
        + "\"executable_path\":\"/bin/true\"}]}").run().assertProtocolClean();
    assertTrue(r.exitCode() == 1 || r.exitCode() == 3, "exit " + r.exitCode());
    assertEquals("failure", r.report().get("overall_status").asText());
    noStackTrace(r);
  }
}
