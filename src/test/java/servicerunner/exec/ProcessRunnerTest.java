package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Procs;

/** The whole process layer in-process, on real {@code sh -c} children; latches order the races. */
@EnabledOnOs(OS.LINUX)
class ProcessRunnerTest {
  private static final long GUARD_SECONDS = 60; // a hang guard, not a time bound
  private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE / 2);
  private static final Duration BEYOND_NANOS = Duration.ofSeconds(9_300_000_000L); // audit D1: about 9.3e9 s

  private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(2), Duration.ofSeconds(1), BoundedCapture.DEFAULT_LIMIT);
  private final String sleep = Procs.uniqueSleep();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicLong toolPid = new AtomicLong();
  // not the common pool: a blocked run() there would starve ProcessHandle.onExit(), which completes on it
  private final ExecutorService callers = Executors.newCachedThreadPool();
  @TempDir Path tmp;

  @AfterEach
  void cleanUp() {
    callers.shutdownNow();
    runner.close();
    Procs.killAll(sleep);
  }

  /** Records lines; the first line "started" or a pid lets the test act on a tool that surely runs. */
  private void onLine(OutputListener.Stream stream, String line) {
    lines.add(stream + " " + line);
    if (line.matches("\\d+")) {
      toolPid.set(Long.parseLong(line));
    }
    started.countDown();
  }

  private static ProcessSpec sh(String script) {
    return ProcessSpec.of("sh", "-c", script);
  }

  private CompletableFuture<ProcessResult> runAsync(ProcessRunner r, ProcessSpec spec, CancelToken token) {
    return CompletableFuture.supplyAsync(() -> r.run(spec, this::onLine, token), callers);
  }

  private void awaitStarted() throws InterruptedException {
    assertTrue(started.await(GUARD_SECONDS, TimeUnit.SECONDS), "the tool printed its first line");
  }

  /**
   * Polls: {@code onExit()} of a child whose pipe a descendant holds completes only after the drain (the JDK hands
   * the pipe over first), while {@code isAlive()} turns false as soon as the child is reaped.
   */
  private static void awaitExit(ProcessHandle p) throws InterruptedException {
    for (long i = 0; p.isAlive(); i++) {
      assertTrue(i < GUARD_SECONDS * 100, "the tool exited");
      Thread.sleep(10);
    }
  }

  @Test
  void theExitCodeAndBothStreamsComeFromTheTool() {
    ProcessResult r = runner.run(sh("echo out; echo err >&2; exit 3"), this::onLine, new CancelToken());
    assertEquals(Termination.EXITED, r.termination());
    assertEquals(3, r.exitCode());
    assertEquals("out\n", r.stdout().text());
    assertEquals("err\n", r.stderr().text());
    assertTrue(lines.containsAll(List.of("STDOUT out", "STDERR err")), lines.toString());
    assertNull(r.detail());
    assertFalse(r.drainTimedOut());
  }

  @Test
  void aToolThatExitsBeforeItsTimeoutIsAnExitEvenWhileItsOutputIsStillBeingRead() {
    // Reproduced bug: `echo x; sleep 5 & exit 0` with a 1.5 s timeout was reported as a timeout with exit code 0,
    // because the timeout check went on while the orphan kept the pipe open. The short pause lets the reader block
    // on the pipe first, so the JDK cannot hand it end-of-stream at the exit and the drain window really opens;
    // the timeout falls inside that window (after the exit, before the drain timeout).
    ProcessSpec spec = sh("echo x; sleep " + sleep + " & sleep 0.3; exit 0").withTimeout(Duration.ofMillis(700));
    ProcessResult r = runner.run(spec, this::onLine, new CancelToken());
    assertEquals(Termination.EXITED, r.termination(), r.describe());
    assertEquals(0, r.exitCode());
    assertEquals("x\n", r.stdout().text());
  }

  @Test
  void aTimeoutEndsTheWholeTreeAndSaysSo() throws Exception {
    ProcessSpec spec = sh("sleep " + sleep + " & sleep " + sleep).withTimeout(Duration.ofMillis(300));
    ProcessResult r = runner.run(spec, this::onLine, new CancelToken());
    assertEquals(Termination.TIMEOUT, r.termination());
    assertNotNull(r.exitCode(), "the killed tool's exit code is kept");
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void anIdleTimeoutEndsASilentTool() throws Exception {
    ProcessSpec spec = sh("echo started; exec sleep " + sleep).withIdleTimeout(Duration.ofMillis(300));
    ProcessResult r = runner.run(spec, this::onLine, new CancelToken());
    assertEquals(Termination.IDLE_TIMEOUT, r.termination());
    assertEquals("started\n", r.stdout().text());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void aCancelEndsTheTreeAtOnce() throws Exception {
    CancelToken token = new CancelToken();
    CompletableFuture<ProcessResult> run = runAsync(runner, sh("echo started; sleep " + sleep + " & wait"), token);
    awaitStarted();
    token.cancel("skip");
    ProcessResult r = run.get(GUARD_SECONDS, TimeUnit.SECONDS);
    assertEquals(Termination.CANCELLED, r.termination());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void aCancelAfterTheExitLeavesAnExitAndOnlyStopsTheWaitForLeftoverOutput() throws Exception {
    // An endless drain timeout: only the cut-short of the late cancel can end this run. Process-group guard: in a PID
    // namespace the orphan holding the pipe ends with the tool (see namespacedTreeIsGoneWithTheTool), and $$ would
    // be a namespace pid.
    try (ProcessRunner patient = new ProcessRunner(Duration.ofSeconds(2), HUGE, BoundedCapture.DEFAULT_LIMIT,
        Platform.current() == Platform.LINUX ? TreeGuard.PROCESS_GROUP : TreeGuard.current())) {
      Path go = tmp.resolve("go");
      CancelToken token = new CancelToken();
      String script = "echo $$; sleep " + sleep + " & while [ ! -e '" + go + "' ]; do sleep 0.01; done; exit 5";
      CompletableFuture<ProcessResult> run = runAsync(patient, sh(script), token);
      awaitStarted();
      ProcessHandle tool = ProcessHandle.of(toolPid.get()).orElseThrow();
      Files.createFile(go);
      awaitExit(tool);
      assertFalse(run.isDone(), "the orphan holds the pipe: the run is still reading output");
      token.cancel("skip");
      ProcessResult r = run.get(GUARD_SECONDS, TimeUnit.SECONDS);
      assertEquals(Termination.EXITED, r.termination());
      assertEquals(5, r.exitCode());
      assertTrue(r.drainTimedOut(), "the output was cut short");
      assertEquals(List.of(), Procs.awaitGone(sleep), "the orphan holding the pipe was ended");
    }
  }

  @Test
  void aWatchThatFailsEndsTheToolAndSaysWhy() throws Exception {
    // The clock fails only where the watch reads it; a periodic check that throws used to be dropped silently.
    ProcessRunner broken =
        new ProcessRunner(Duration.ofSeconds(2), Duration.ofSeconds(1), BoundedCapture.DEFAULT_LIMIT, () -> {
          if (Thread.currentThread().getName().startsWith(ProcessRunner.WATCH_THREAD)) {
            throw new IllegalStateException("clock broke");
          }
          return System.nanoTime();
        });
    try (broken) {
      ProcessSpec spec = sh("sleep " + sleep + " & exec sleep " + sleep).withTimeout(Duration.ofSeconds(3600));
      ProcessResult r = broken.run(spec, this::onLine, new CancelToken());
      assertEquals(Termination.WATCH_FAILED, r.termination());
      assertEquals("watch_failed", r.termination().id());
      assertEquals("IllegalStateException: clock broke", r.detail());
      assertTrue(r.describe().contains("clock broke"), r.describe());
      assertEquals(List.of(), Procs.awaitGone(sleep));
    }
  }

  @Test
  void durationsBeyondWhatNanosecondsHoldNeitherOverflowNorHang() {
    try (ProcessRunner lenient = new ProcessRunner(HUGE, BEYOND_NANOS, BoundedCapture.DEFAULT_LIMIT)) {
      ProcessSpec spec = sh("echo hi").withTimeout(HUGE).withIdleTimeout(BEYOND_NANOS);
      ProcessResult r = lenient.run(spec, this::onLine, new CancelToken());
      assertEquals(Termination.EXITED, r.termination());
      assertEquals(0, r.exitCode());
      assertEquals("hi\n", r.stdout().text());
      lenient.sweepLeftovers(Duration.ofSeconds(Long.MAX_VALUE));
    }
    ProcessRunner.awaitCleanup(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void aHugeIdleTimeoutDoesNotSwitchOffTheTimeout() throws Exception {
    // audit D4: `sleep 12` with timeout 2 s and idle_timeout 1e10 s ran its full 12 s and "succeeded"
    ProcessSpec spec = sh("exec sleep " + sleep).withTimeout(Duration.ofMillis(300)).withIdleTimeout(BEYOND_NANOS);
    ProcessResult r = runner.run(spec, this::onLine, new CancelToken());
    assertEquals(Termination.TIMEOUT, r.termination());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void whatCannotStartIsSaidAndHasNoExitCode() {
    ProcessResult missing = runner.run(ProcessSpec.of("no-such-tool-4711"), this::onLine, new CancelToken());
    assertEquals(Termination.NOT_FOUND, missing.termination());
    assertNull(missing.exitCode());
    assertEquals("no-such-tool-4711 is not on PATH", missing.launchError());
    ProcessResult missingPath = runner.run(ProcessSpec.of(tmp.resolve("gone").toString()), this::onLine, null);
    assertEquals(Termination.NOT_FOUND, missingPath.termination());
    assertEquals(tmp.resolve("gone") + " does not exist", missingPath.launchError());
    ProcessResult notRunnable = runner.run(ProcessSpec.of(tmp.toString()), this::onLine, null);
    assertEquals(Termination.LAUNCH_FAILED, notRunnable.termination(), "there, but a folder");
    assertEquals(tmp + " is not an executable file", notRunnable.launchError());
    ProcessResult badCwd = runner.run(sh("true").withCwd(tmp.resolve("absent")), this::onLine, new CancelToken());
    assertEquals(Termination.LAUNCH_FAILED, badCwd.termination());
    CancelToken cancelled = new CancelToken();
    cancelled.cancel("stop");
    ProcessResult early = runner.run(sh("true"), this::onLine, cancelled);
    assertEquals(Termination.CANCELLED, early.termination());
    assertNull(early.exitCode());
  }

  @Test
  void closingCancelsWhatRunsSweepsLeftoversAndRefusesNewRuns() throws Exception {
    ProcessRunner owned = new ProcessRunner();
    ProcessResult leftBehind = owned.run(sh("sleep " + sleep + " >/dev/null 2>&1 &"), this::onLine, new CancelToken());
    assertEquals(Termination.EXITED, leftBehind.termination());
    CompletableFuture<ProcessResult> run = runAsync(owned, sh("echo started; exec sleep " + sleep),
        new CancelToken());
    awaitStarted();
    owned.close();
    assertEquals(Termination.CANCELLED, run.get(GUARD_SECONDS, TimeUnit.SECONDS).termination());
    assertEquals(List.of(), Procs.awaitGone(sleep));
    assertThrows(IllegalStateException.class, () -> owned.run(sh("true"), this::onLine, new CancelToken()));
  }

  @Test
  void aCloseWhileARunLaunchesEndsThatRunAsCancelledWithItsTreeKilled() throws Exception {
    // The window: the run has registered and is about to start its output readers when close() shuts the workers
    // down. That threw RejectedExecutionException out of run() and left the tool running unwatched.
    AtomicReference<ProcessRunner> closing = new AtomicReference<>();
    ProcessRunner owned = new ProcessRunner(Duration.ofSeconds(2), Duration.ofSeconds(1), BoundedCapture.DEFAULT_LIMIT,
        () -> closing.get().close());
    closing.set(owned);
    ProcessResult r = owned.run(sh("echo started; sleep " + sleep + " & exec sleep " + sleep), this::onLine,
        new CancelToken());
    assertEquals(Termination.CANCELLED, r.termination(), r.describe());
    assertNotNull(r.exitCode(), "the tool was started, and killed");
    assertEquals(List.of(), Procs.awaitGone(sleep));
    assertThrows(IllegalStateException.class, () -> owned.run(sh("true"), this::onLine, new CancelToken()));
  }

  @Test
  void theSharedRunnerIsNeverClosed() {
    assertThrows(IllegalStateException.class, () -> ProcessRunner.shared().close());
    assertEquals(Termination.EXITED, ProcessRunner.shared().run(sh("true"), null, null).termination());
  }
}
