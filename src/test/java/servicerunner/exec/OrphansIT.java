package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Procs;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * Audit D5 through the jar: daemonising children and a SIGKILLed runner leave no process behind (Linux, pidns
 * guard, with the native spawner and with the wrapper programs), a SIGKILLed runner without the namespace still ends
 * its tool's process group ({@link DeathWatch}), and the report says which guard was active.
 */
class OrphansIT {
  private final String sleep = Procs.uniqueSleep();

  @AfterEach
  void cleanUp() {
    Procs.killAll(sleep);
  }

  private static String plan(String script) {
    return "{\"tasks\":[{\"type\":\"command\",\"command\":[\"sh\",\"-c\"," + servicerunner.json.Json.compact(
        servicerunner.json.Json.NODES.textNode(script)) + "]},{\"type\":\"command\",\"command\":[\"true\"]}]}";
  }

  @Test
  void setsidAndSetpgidChildrenDoNotOutliveTheRun() throws Exception {
    Procs.assumePidNamespace();
    RunResult r = RunnerProcess.jar(plan("setsid sleep " + sleep + " & setsid -f sleep " + sleep
        + " >/dev/null 2>&1; perl -e 'setpgrp(0,0); exec \"sleep\", \"" + sleep + "\"' & echo started"))
        .run().assertExit(0).assertProtocolClean();
    assertEquals("pidns", r.report().get("tree_guard").asText());
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals(List.of(), Procs.leftAfterOneSecond(sleep));
  }

  @Test
  void aSigkilledRunnerTakesTheTaskTreeWithIt() throws Exception {
    Procs.assumePidNamespace();
    killTheRunnerMidTask(RunnerProcess.jar(fourSleepsThreeEscaping()), 4);
  }

  @Test
  void soItDoesWithTheWrapperProgramsWhereTheNativeSpawnerIsOff() throws Exception {
    Procs.assumePidNamespace();
    killTheRunnerMidTask(RunnerProcess.jar(fourSleepsThreeEscaping()).env("SERVICE_RUNNER_NATIVE_SPAWN", "off"), 4);
  }

  @Test
  void withoutTheNamespaceASigkilledRunnerStillEndsTheToolsProcessGroup() throws Exception {
    assumeTrue(Platform.current() == Platform.LINUX && TreeGuard.current() != TreeGuard.PROCESS_TREE);
    killTheRunnerMidTask(RunnerProcess.jar(plan("sleep " + sleep + " & sleep " + sleep))
        .env("SERVICE_RUNNER_TREE_GUARD", "pgroup"), 2);
  }

  /** A sleep in the background, one in its own session, one in its own group, and the tool itself sleeping. */
  private String fourSleepsThreeEscaping() {
    return plan("sleep " + sleep + " & (setsid sleep " + sleep + " &); perl -e 'setpgrp(0,0); exec \"sleep\", \""
        + sleep + "\"' & sleep " + sleep);
  }

  /** Starts the plan, waits for its {@code sleeps} sleeps, SIGKILLs the runner and expects them gone within 1 s. */
  private void killTheRunnerMidTask(RunnerProcess runner, int sleeps) throws Exception {
    RunnerProcess.Started run = runner.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Procs.withArg(sleep).size() < sleeps) {
      assertTrue(System.nanoTime() < deadline, "the sleeps did not start: " + Procs.withArg(sleep));
      Thread.sleep(20);
    }
    run.process.destroyForcibly(); // kill -9: no handler, no hook, no sweep of the runner's own runs
    run.process.waitFor();
    assertEquals(List.of(), Procs.leftAfterOneSecond(sleep), "the tree lived on after the runner (7.2 s in the audit)");
  }

  @Test
  void withoutTheNamespaceTheReportSaysSoAndASetpgidChildIsStillEnded() throws Exception {
    assumeTrue(Platform.current() == Platform.LINUX && TreeGuard.current() != TreeGuard.PROCESS_TREE);
    RunResult r = RunnerProcess.jar(plan("perl -e 'setpgrp(0,0); exec \"sleep\", \"" + sleep + "\"' & echo started"))
        .env("SERVICE_RUNNER_TREE_GUARD", "pgroup").run().assertExit(0);
    assertEquals("pgroup", r.report().get("tree_guard").asText());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }
}
