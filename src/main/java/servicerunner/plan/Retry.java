package servicerunner.plan;

import java.time.Duration;
import java.util.Set;
import servicerunner.task.Status;

/**
 * A task's {@code retry}: at most {@code attempts} runs in all, the n-th retry waiting {@code delay * backoff^(n-1)}
 * (capped at {@link #MAX_DELAY}), retried only while the last attempt ended with a status in {@code on}.
 */
public record Retry(int attempts, Duration delay, double backoff, Set<Status> on) {
  public static final int MAX_ATTEMPTS = 100;
  public static final Duration MAX_DELAY = Duration.ofHours(1);
  public static final double MAX_BACKOFF = 10;
  public static final Set<Status> DEFAULT_ON = Set.of(Status.FAILURE, Status.ERROR);

  public Retry {
    on = Set.copyOf(on);
  }

  /** The wait before attempt {@code next} (2 for the first retry). */
  public Duration delayBefore(int next) {
    double ms = delay.toMillis() * Math.pow(backoff, Math.max(0, next - 2));
    return ms >= MAX_DELAY.toMillis() ? MAX_DELAY : Duration.ofMillis(Math.round(ms));
  }

  /** Whether an attempt that ended with {@code status} is tried again (attempts permitting). */
  public boolean retries(Status status) {
    return on.contains(status);
  }
}
