package servicerunner.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that moves only when a test advances it, running what fell due in time order: no sleeps, no flakes. */
final class ManualScheduler implements ProgressScheduler {
  private record Job(long due, long seq, Runnable task, boolean[] cancelled) {}

  private final List<Job> jobs = new ArrayList<>();
  private long now = 1_000_000_000L;
  private long seq;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    boolean[] cancelled = {false};
    jobs.add(new Job(now + Math.max(0, delayNanos), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Moves the clock by {@code d}, running each job at its due time. */
  void advance(Duration d) {
    long end = now + d.toNanos();
    while (true) {
      Job next;
      synchronized (this) {
        jobs.removeIf(j -> j.cancelled()[0]);
        next = jobs.stream().filter(j -> j.due() <= end)
            .min(Comparator.comparingLong(Job::due).thenComparingLong(Job::seq)).orElse(null);
        if (next == null) {
          now = end;
          return;
        }
        jobs.remove(next);
        now = Math.max(now, next.due());
      }
      next.task().run();
    }
  }

  synchronized int pending() {
    jobs.removeIf(j -> j.cancelled()[0]);
    return jobs.size();
  }
}
