package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The watch on its own: a stepped clock and direct {@link TreeWatchdog#check()} calls decide the timing, a real
 * {@code sh} child gives a real "is it alive", and the tree kill is recorded instead of done.
 */
@EnabledOnOs(OS.LINUX)
class TreeWatchdogTest {
  private static final long START = 1_000_000L;
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);
  private static final Duration NOT_ON_ITS_OWN = Duration.ofHours(1); // checks only when the test calls check()
  /** How long a test may wait for an event before it counts as never happening (a hang guard, not a bound). */
  private static final long GUARD_SECONDS = 30;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-timer"));
  private final ExecutorService worker = Executors.newCachedThreadPool(r -> new Thread(r, "test-worker"));
  private final AtomicLong clock = new AtomicLong(START);
  private final AtomicLong lastOutput = new AtomicLong(START);
  private final List<Duration> kills = new CopyOnWriteArrayList<>();
  private final List<String> killThreads = new CopyOnWriteArrayList<>();
  private final CountDownLatch killed = new CountDownLatch(1);
  private final List<Process> children = new CopyOnWriteArrayList<>();

  @AfterEach
  void cleanUp() {
    children.forEach(Process::destroyForcibly);
    timer.shutdownNow();
    worker.shutdownNow();
  }

  private void recordKill(Duration grace) {
    kills.add(grace);
    killThreads.add(Thread.currentThread().getName());
    killed.countDown();
  }

  private TreeWatchdog watchdog(Duration timeout, Duration idle) {
    return watchdog(timeout, idle, NOT_ON_ITS_OWN, clock::get, this::recordKill);
  }

  private TreeWatchdog watchdog(
      Duration timeout, Duration idle, Duration interval, LongSupplier clock, Consumer<Duration> killTree) {
    return new TreeWatchdog(
        new TreeWatchdog.Limits(timeout, idle, KILL_GRACE, interval), clock, START, lastOutput::get, timer, worker, killTree);
  }

  private Process sleeping() throws IOException {
    Process p = new ProcessBuilder("sh", "-c", "exec sleep 300").start();
    children.add(p);
    return p;
  }

  private Process exited() throws IOException, InterruptedException {
    Process p = sleeping();
    p.destroyForcibly();
    p.waitFor();
    return p;
  }

  /** Waits until every kill handed to the worker has run, so a count of kills is final. */
  private void settle() throws InterruptedException {
    worker.shutdown();
    assertTrue(worker.awaitTermination(GUARD_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void aTimeoutWhileTheToolRunsIsRecordedOnceAndTheKillRunsOnAWorker() throws Exception {
    TreeWatchdog w = watchdog(Duration.ofSeconds(5), null);
    w.start(sleeping());
    clock.addAndGet(Duration.ofMillis(4999).toNanos());
    w.check();
    assertNull(w.termination());
    clock.addAndGet(Duration.ofMillis(1).toNanos());
    w.check();
    w.check();
    settle();
    assertEquals(Termination.TIMEOUT, w.termination());
    assertEquals(List.of(KILL_GRACE), kills);
    assertTrue(killThreads.get(0).startsWith("test-worker"), killThreads.toString());
  }

  @Test
  void anIdleTimeoutCountsFromTheLastOutput() throws Exception {
    TreeWatchdog w = watchdog(null, Duration.ofSeconds(1));
    w.start(sleeping());
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    lastOutput.set(clock.get() - Duration.ofMillis(999).toNanos());
    w.check();
    assertNull(w.termination());
    clock.addAndGet(Duration.ofMillis(1).toNanos());
    w.check();
    assertEquals(Termination.IDLE_TIMEOUT, w.termination());
  }

  @Test
  void noTimeoutIsRecordedForAToolThatAlreadyExited() throws Exception {
    // the reproduced bug: the tool exited 0, output was still being read, and the timeout then fired on it
    TreeWatchdog w = watchdog(Duration.ofSeconds(1), Duration.ofSeconds(1));
    Process p = sleeping();
    w.start(p);
    p.destroyForcibly();
    p.waitFor();
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    w.check();
    settle();
    assertNull(w.termination());
    assertEquals(List.of(), kills);
  }

  @Test
  void aCancelAfterTheExitIsTooLateAndChangesNothing() throws Exception {
    TreeWatchdog w = watchdog(null, null);
    w.start(exited());
    assertFalse(w.cancel(Duration.ofMillis(300)));
    settle();
    assertNull(w.termination());
    assertEquals(List.of(), kills);
  }

  @Test
  void aCancelAfterTheKernelReapedTheToolIsTooLateEvenBeforeTheJdkRecordedTheExit() throws Exception {
    // The window that made ProcessRunnerTest's late cancel flaky: the tool is reaped (its handle says gone, as an
    // observer sees it), but Process.isAlive() stays true until the JDK's reaper thread records the exit status.
    TreeWatchdog w = watchdog(Duration.ofSeconds(1), null);
    w.start(new ReaperLagging(exited()));
    assertFalse(w.cancel(Duration.ofMillis(300)));
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    w.check();
    settle();
    assertNull(w.termination());
    assertEquals(List.of(), kills);
  }

  /** A reaped process as the JDK shows it in the moment before its reaper thread records the exit. */
  private static final class ReaperLagging extends Process {
    private final Process reaped;

    ReaperLagging(Process reaped) {
      this.reaped = reaped;
    }

    @Override
    public boolean isAlive() {
      return true;
    }

    @Override
    public ProcessHandle toHandle() {
      return reaped.toHandle();
    }

    @Override
    public long pid() {
      return reaped.pid();
    }

    @Override
    public java.io.OutputStream getOutputStream() {
      return reaped.getOutputStream();
    }

    @Override
    public java.io.InputStream getInputStream() {
      return reaped.getInputStream();
    }

    @Override
    public java.io.InputStream getErrorStream() {
      return reaped.getErrorStream();
    }

    @Override
    public int waitFor() {
      throw new IllegalStateException("the watch never waits");
    }

    @Override
    public int exitValue() {
      throw new IllegalThreadStateException("not recorded yet");
    }

    @Override
    public void destroy() {
      reaped.destroy();
    }
  }

  @Test
  void theFirstReasonWinsAndTheTreeIsKilledOnce() throws Exception {
    TreeWatchdog w = watchdog(Duration.ofSeconds(1), null);
    w.start(sleeping());
    assertTrue(w.cancel(Duration.ofMillis(300)));
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    w.check();
    assertFalse(w.cancel(Duration.ofMillis(300)));
    settle();
    assertEquals(Termination.CANCELLED, w.termination());
    assertEquals(List.of(Duration.ofMillis(300)), kills);
  }

  @Test
  void aCancelWhileLaunchingEndsTheToolAsSoonAsItExists() throws Exception {
    TreeWatchdog w = watchdog(null, null);
    assertTrue(w.cancel(Duration.ofMillis(300)));
    assertEquals(List.of(), kills, "nothing to kill yet");
    w.start(sleeping());
    assertTrue(killed.await(GUARD_SECONDS, TimeUnit.SECONDS));
    assertEquals(Termination.CANCELLED, w.termination());
    assertEquals(List.of(Duration.ofMillis(300)), kills);
  }

  @Test
  void aCheckThatThrowsEndsTheToolAndSaysWhy() throws Exception {
    TreeWatchdog w =
        watchdog(Duration.ofSeconds(1), null, NOT_ON_ITS_OWN, () -> {
          throw new IllegalStateException("clock broke");
        }, this::recordKill);
    w.start(sleeping());
    w.check();
    assertTrue(killed.await(GUARD_SECONDS, TimeUnit.SECONDS));
    assertEquals(Termination.WATCH_FAILED, w.termination());
    assertEquals("IllegalStateException: clock broke", w.failure());
  }

  @Test
  void aCheckThatThrowsOnTheTimerIsNotDroppedSilently() throws Exception {
    // ScheduledExecutorService cancels a periodic task that throws and tells no one (audit D4)
    TreeWatchdog w =
        watchdog(Duration.ofSeconds(1), Duration.ofSeconds(9_300_000_000L), Duration.ofMillis(10), () -> {
          throw new ArithmeticException("long overflow");
        }, this::recordKill);
    w.start(sleeping());
    assertTrue(killed.await(GUARD_SECONDS, TimeUnit.SECONDS), "the failed watch ended the tool");
    assertEquals(Termination.WATCH_FAILED, w.termination());
    assertEquals("ArithmeticException: long overflow", w.failure());
  }

  @Test
  void aKillThatWaitsOutItsGraceDoesNotHoldUpAnotherToolsTimeout() throws Exception {
    // both watches share one timer thread, as every run of a ProcessRunner does
    clock.set(START + Duration.ofSeconds(10).toNanos());
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch firstKillStarted = new CountDownLatch(1);
    TreeWatchdog first =
        watchdog(Duration.ofSeconds(1), null, Duration.ofMillis(10), clock::get, grace -> {
          firstKillStarted.countDown();
          try {
            releaseFirst.await(); // a tool that ignores SIGTERM: the kill waits out its grace
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    TreeWatchdog second = watchdog(Duration.ofSeconds(1), null, Duration.ofMillis(10), clock::get, this::recordKill);
    first.start(sleeping());
    assertTrue(firstKillStarted.await(GUARD_SECONDS, TimeUnit.SECONDS));
    second.start(sleeping());
    assertTrue(killed.await(GUARD_SECONDS, TimeUnit.SECONDS), "the second timeout fired while the first kill waited");
    assertEquals(Termination.TIMEOUT, second.termination());
    releaseFirst.countDown();
  }

  @Test
  void hugeLimitsNeitherOverflowNorFire() throws Exception {
    TreeWatchdog w = watchdog(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE / 2));
    w.start(sleeping());
    clock.addAndGet(Long.MAX_VALUE / 2);
    w.check();
    assertNull(w.termination());
  }

  @Test
  void aClockThatWrapsAroundStillMeasuresElapsedTime() throws Exception {
    // System.nanoTime() may start anywhere, including just below Long.MAX_VALUE
    long start = Long.MAX_VALUE - 10;
    AtomicLong wrapping = new AtomicLong(start);
    TreeWatchdog w =
        new TreeWatchdog(
            new TreeWatchdog.Limits(Duration.ofSeconds(1), null, KILL_GRACE, NOT_ON_ITS_OWN),
            wrapping::get, start, () -> start, timer, worker, this::recordKill);
    w.start(sleeping());
    wrapping.set(Long.MIN_VALUE + 10); // 21 ns later
    w.check();
    assertNull(w.termination());
    wrapping.addAndGet(Duration.ofSeconds(1).toNanos());
    w.check();
    assertEquals(Termination.TIMEOUT, w.termination());
  }
}
