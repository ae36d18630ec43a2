package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * fixtures/plans/repair-windows-image.json (sfc, then DISM RestoreHealth only when sfc could not repair, then sfc
 * again after a store repair) through the jar, with fake sfc and dism replaying recorded Windows output: the plan
 * as published, only each task's executable_path pointed at a fake (which is also what lets a Windows type run here).
 */
class RepairPlanIT {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String FAKES = "fixtures/fake-tools/";

  /** The published plan with its three tools replaced by fakes; {@code firstSfc} decides the variant. */
  private static RunResult run(String firstSfc) throws Exception {
    ObjectNode plan = (ObjectNode) M.readTree(Fixtures.path("plans", "repair-windows-image.json").toFile());
    JsonNode tasks = plan.get("tasks");
    ((ObjectNode) tasks.get(0)).put("executable_path", FAKES + firstSfc);
    ((ObjectNode) tasks.get(1)).put("executable_path", FAKES + "dism-steps");
    ((ObjectNode) tasks.get(2)).put("executable_path", FAKES + "sfc-clean");
    Path argvLog = Files.createTempFile("repair-argv", ".txt");
    try {
      RunResult r = RunnerProcess.jar(plan.toString()).env("REPLAY_ARGV_LOG", argvLog.toString()).run();
      r.assertExit(0).assertProtocolClean();
      r.report(); // stdout is the one report
      return new RunResult(r.exitCode(), r.stdoutBytes(), append(r.stderrLines(), Files.readAllLines(argvLog)),
          r.elapsed(), r.waited());
    } finally {
      Files.deleteIfExists(argvLog);
    }
  }

  /** The tools' argv lines ride along as "argv: ..." lines, so each test can say which tools ran. */
  private static List<String> append(List<String> stderr, List<String> argv) {
    List<String> all = new java.util.ArrayList<>(stderr);
    argv.forEach(a -> all.add("argv: " + a));
    return all;
  }

  private static List<String> argv(RunResult r) {
    return r.stderrLines().stream().filter(l -> l.startsWith("argv: ")).map(l -> l.substring(6)).toList();
  }

  @ParameterizedTest
  @CsvSource({"sfc-clean, no_violations", "sfc-repaired, repaired"})
  void aCleanSystemOrCorruptionSfcRepairedSkipsDismAndTheSecondSfc(String fake, String verdict) throws Exception {
    RunResult r = run(fake);
    String reason = "Condition not met: sfc_first verdict is " + verdict + " (expected could_not_repair)";
    assertEquals(List.of("TASK_START:0:sfc_scan", "TASK_OK:0:sfc_scan", "TASK_SKIP:1:dism_health_check - " + reason,
        "TASK_SKIP:2:sfc_scan - Condition not met: dism_restore status is skipped (expected success)"), r.taskMarkers());
    assertEquals(verdict, r.result(0).at("/summary/verdict").asText());
    assertEquals(List.of("/scannow"), argv(r));
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals(reason, r.result(1).at("/summary/reason").asText());
  }

  @Test
  void corruptionSfcCouldNotRepairRunsAllThree() throws Exception {
    RunResult r = run("sfc-unable-to-fix");
    assertEquals(List.of("TASK_START:0:sfc_scan",
        "TASK_FAIL:0:sfc_scan - Corrupt system files were found but some could not be repaired.",
        "TASK_START:1:dism_health_check", "TASK_OK:1:dism_health_check",
        "TASK_START:2:sfc_scan", "TASK_OK:2:sfc_scan"), r.taskMarkers());
    assertEquals(List.of("/scannow", "/Online /Cleanup-Image /RestoreHealth", "/scannow"), argv(r));
    assertEquals("restored", r.result(1).at("/summary/steps/0/verdict").asText());
    assertEquals("no_violations", r.result(2).at("/summary/verdict").asText());
    assertEquals("completed_with_errors", r.report().get("overall_status").asText());
  }
}
