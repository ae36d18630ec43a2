package servicerunner.exec;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches one running tool and gives the one reason it was stopped: its timeout, its idle timeout, a cancel, or a
 * failure of the watch itself. The first reason wins and ends the whole tree.
 *
 * <p>As commons-exec's {@code ExecuteWatchdog}: the watch is stopped as soon as the wait for the process returns, and
 * nothing is recorded for a process that is no longer alive, even before that. Reading output a descendant still
 * holds after the exit is the stream handler's business (its drain timeout), and a cancel in that window leaves the
 * result an exit. {@code Process.onExit()} is no help here: the JDK completes it only after handing the output pipes
 * over, which waits for a reader blocked on a pipe that a descendant holds, so it arrives after the drain.
 *
 * <p>The checks run on a shared timer and never block it: a kill waits out a grace period, so it is handed to a
 * worker. A check that throws would be dropped silently by the timer and leave the tool unwatched (audit D4), so it
 * ends the tool instead, as {@link Termination#WATCH_FAILED} with what broke.
 */
final class TreeWatchdog {
  /** The limits of one run; null timeouts mean none. */
  record Limits(Duration timeout, Duration idleTimeout, Duration killGrace, Duration interval) {}

  private final long timeoutNanos;
  private final long idleNanos;
  private final Duration killGrace;
  private final Duration interval;
  private final long startNanos;
  private final LongSupplier clock;
  private final LongSupplier lastOutputNanos;
  private final ScheduledExecutorService timer;
  private final Executor worker;
  private final Consumer<Duration> killTree;

  private Process process;
  private boolean stopped;
  private Termination reason;
  private Duration reasonGrace;
  private String failure;
  private ScheduledFuture<?> checks;

  /**
   * @param startNanos clock reading the timeout counts from
   * @param lastOutputNanos clock reading of the last output, for the idle timeout
   * @param worker runs the kills; must accept them while its runner closes (see {@code ProcessRunner#close})
   * @param killTree ends the whole tree, waiting up to the given grace before forcing; runs on {@code worker}
   */
  TreeWatchdog(
      Limits limits,
      LongSupplier clock,
      long startNanos,
      LongSupplier lastOutputNanos,
      ScheduledExecutorService timer,
      Executor worker,
      Consumer<Duration> killTree) {
    this.timeoutNanos = Durations.nanos(limits.timeout());
    this.idleNanos = Durations.nanos(limits.idleTimeout());
    this.killGrace = limits.killGrace();
    this.interval = limits.interval();
    this.clock = clock;
    this.startNanos = startNanos;
    this.lastOutputNanos = lastOutputNanos;
    this.timer = timer;
    this.worker = worker;
    this.killTree = killTree;
  }

  /** Starts watching the launched process; a cancel that came while it was launching ends it now. Never throws. */
  synchronized void start(Process p) {
    process = p;
    if (stopped) {
      return;
    }
    if (reason != null) {
      killLater(reasonGrace);
      return;
    }
    try {
      if (timeoutNanos != Durations.NEVER || idleNanos != Durations.NEVER) {
        long every = Math.max(1, interval.toMillis());
        checks = timer.scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      fail(e); // an unwatched tool with a timeout must not run on
    }
  }

  /**
   * Records a cancel and ends the tree with the given grace. False when it comes too late: the process already exited,
   * or another reason was recorded first.
   */
  synchronized boolean cancel(Duration grace) {
    if (exitedOrEnded()) {
      return false;
    }
    end(Termination.CANCELLED, grace, null);
    return true;
  }

  /** The wait for the process returned: nothing more is recorded. */
  synchronized void stop() {
    stopped = true;
    cancelChecks();
  }

  /** The reason recorded, or null when the process ran to its exit (so far). */
  synchronized Termination termination() {
    return reason;
  }

  /** What broke, for {@link Termination#WATCH_FAILED}; else null. */
  synchronized String failure() {
    return failure;
  }

  /** One periodic check; package-visible so tests can step it with their own clock. */
  void check() {
    try {
      synchronized (this) {
        if (exitedOrEnded()) {
          cancelChecks();
          return;
        }
        long now = clock.getAsLong();
        if (Durations.elapsed(startNanos, now, timeoutNanos)) {
          end(Termination.TIMEOUT, killGrace, null);
        } else if (Durations.elapsed(lastOutputNanos.getAsLong(), now, idleNanos)) {
          end(Termination.IDLE_TIMEOUT, killGrace, null);
        }
      }
    } catch (Throwable t) { // whatever broke, the tool must not run on unwatched
      fail(t);
    }
  }

  private synchronized void fail(Throwable t) {
    cancelChecks();
    if (!stopped && reason == null) {
      end(Termination.WATCH_FAILED, killGrace, t.getClass().getSimpleName() + ": " + t.getMessage());
    }
  }

  /**
   * A process that is no longer alive has exited, even if {@link #stop} has not been called yet. Its handle is asked
   * too: {@code Process.isAlive()} turns false only when the JDK's reaper thread has recorded the exit status, a
   * moment after the kernel reaped the process, while the handle (and anyone else looking) already sees it gone. A
   * cancel or a timeout in that moment came after the exit and must not turn it into one.
   */
  private boolean exitedOrEnded() {
    if (stopped || reason != null) {
      return true;
    }
    if (process != null && (!process.isAlive() || !process.toHandle().isAlive())) {
      stop();
      return true;
    }
    return false;
  }

  private void end(Termination why, Duration grace, String what) {
    reason = why;
    reasonGrace = grace;
    failure = what;
    cancelChecks();
    if (process != null) {
      killLater(grace);
    }
  }

  /** Never on the timer: other tools' checks share it. */
  private void killLater(Duration grace) {
    worker.execute(() -> killTree.accept(grace));
  }

  private void cancelChecks() {
    if (checks != null) {
      checks.cancel(false);
    }
  }
}
