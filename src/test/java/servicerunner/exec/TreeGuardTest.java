package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Procs;

/**
 * Audit D5: a tool's child that leaves its session (setsid) or its group (setpgid) must not outlive the task. With
 * the pidns guard the kernel ends it with the tool; with the pgroup guard the session id still finds a setpgid child.
 */
class TreeGuardTest {
  @TempDir Path tmp;

  private final String sleep = Procs.uniqueSleep();

  @AfterEach
  void cleanUp() {
    Procs.killAll(sleep);
  }

  private static ProcessRunner runner(TreeGuard g) {
    return new ProcessRunner(Duration.ofSeconds(2), Duration.ofSeconds(2), BoundedCapture.DEFAULT_LIMIT, g);
  }

  @Test
  void setsidAndSetpgidEscapeesEndWithTheToolInANamespace() throws Exception {
    Procs.assumePidNamespace();
    try (ProcessRunner r = runner(TreeGuard.PID_NAMESPACE)) {
      ProcessResult res = r.run(ProcessSpec.of("sh", "-c", "setsid sleep " + sleep + " & setsid -f sleep " + sleep
          + " >/dev/null 2>&1; perl -e 'setpgrp(0,0); exec \"sleep\", \"" + sleep + "\"' & echo started; sleep 0.2"),
          null, new CancelToken());
      assertEquals(0, res.exitCode(), res.describe());
      assertEquals("started\n", res.stdout().text());
      assertEquals(List.of(), Procs.leftAfterOneSecond(sleep));
    }
  }

  @Test
  void aSetpgidEscapeeIsFoundBySessionWithoutANamespace() throws Exception {
    assumeTrue(Platform.current() == Platform.LINUX && Files.isExecutable(TreeGuard.SETSID));
    try (ProcessRunner r = runner(TreeGuard.PROCESS_GROUP)) {
      r.run(ProcessSpec.of("sh", "-c", "perl -e 'setpgrp(0,0); exec \"sleep\", \"" + sleep + "\"' & sleep 0.2"),
          null, new CancelToken());
      r.sweepLeftovers(Duration.ofSeconds(5));
      assertEquals(List.of(), Procs.leftAfterOneSecond(sleep));
    }
  }

  @Test
  void inANamespaceStdinExitCodesAndGracefulStopsAreAsOutside() throws Exception {
    Procs.assumePidNamespace();
    try (ProcessRunner r = runner(TreeGuard.PID_NAMESPACE)) {
      ProcessResult res = r.run(ProcessSpec.of("sh", "-c", "read x; echo \"got $x\"; exit 3").withStdin("hello\n"),
          null, new CancelToken());
      assertEquals(3, res.exitCode());
      assertEquals("got hello\n", res.stdout().text());
      // a tool with a TERM handler gets its TERM and finishes its clean-up: the namespace's keeper is not signalled
      // first (its death would SIGKILL the namespace at once)
      Path cleaned = tmp.resolve("cleaned");
      CancelToken token = new CancelToken();
      CompletableFuture<ProcessResult> run = CompletableFuture.supplyAsync(() -> r.run(ProcessSpec.of("sh", "-c",
          "trap 'touch \"" + cleaned + "\"; exit 9' TERM; echo ready; sleep " + sleep + " & wait"),
          (s, line) -> {
            if ("ready".equals(line)) {
              token.cancel("skip");
            }
          }, token));
      ProcessResult stopped = run.get(30, TimeUnit.SECONDS);
      assertEquals(Termination.CANCELLED, stopped.termination());
      assertTrue(Files.exists(cleaned), "the tool's TERM handler ran");
      assertEquals(List.of(), Procs.leftAfterOneSecond(sleep));
    }
  }

  @Test
  void aToolThatIsTheNamespacesInitWithoutATermHandlerIsForcedAtOnceNotAfterTheGrace() throws Exception {
    Procs.assumePidNamespace();
    // an init gets only the signals it handles: a SIGTERM would be lost and the kill would wait out its 10 s grace
    try (ProcessRunner r = new ProcessRunner(Duration.ofSeconds(10), Duration.ofSeconds(2),
        BoundedCapture.DEFAULT_LIMIT, TreeGuard.PID_NAMESPACE)) {
      ProcessResult res = r.run(ProcessSpec.of("sleep", sleep).withTimeout(Duration.ofMillis(300)), null,
          new CancelToken());
      assertEquals(Termination.TIMEOUT, res.termination());
      assertTrue(res.duration().compareTo(Duration.ofSeconds(5)) < 0, "ended after " + res.duration());
      assertEquals(List.of(), Procs.leftAfterOneSecond(sleep));
    }
  }
}
