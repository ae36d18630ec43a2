package servicerunner.progress;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock and timer of progress events: heartbeats and held-back progress of every task run on one shared daemon
 * thread (a task costs a queue entry, not a thread). Tests pass a manual one and advance it, never sleep.
 */
public interface ProgressScheduler {

  /** A monotonic reading in nanoseconds. */
  long nanoTime();

  /** Runs {@code task} once after {@code delayNanos}; the returned handle cancels it. */
  Cancellable schedule(long delayNanos, Runnable task);

  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  /** The JVM's one progress thread. */
  static ProgressScheduler shared() {
    return Shared.INSTANCE;
  }

  /** The real clock and one daemon thread, idle-exiting, so a finished run holds no thread. */
  final class Shared implements ProgressScheduler {
    static final Shared INSTANCE = new Shared();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "sr-progress");
      t.setDaemon(true);
      return t;
    });

    private Shared() {
      timer.setRemoveOnCancelPolicy(true);
      timer.setKeepAliveTime(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
      timer.allowCoreThreadTimeOut(true);
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
      ScheduledFuture<?> f = timer.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          // one task's failing observer must not end the timer for the others
        }
      }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    }
  }
}
