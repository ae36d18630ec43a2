package servicerunner.exec;

import java.time.Duration;

/**
 * Time arithmetic that saturates. {@link Duration#toNanos} throws beyond about 292 years, and a periodic check that
 * throws is dropped by its executor, so a timeout of 1e10 s once turned into no timeout at all (audit D1, D4). Every
 * limit here becomes a nanosecond count capped at {@link Long#MAX_VALUE}, and is compared with an elapsed time (a
 * small non-negative difference of two clock readings), never added to a clock reading.
 */
final class Durations {
  /** No limit. */
  static final long NEVER = Long.MAX_VALUE;

  private Durations() {}

  /** The duration in nanoseconds, capped at {@link #NEVER}; null means no limit, a negative duration is 0. */
  static long nanos(Duration d) {
    if (d == null) {
      return NEVER;
    }
    if (d.isNegative()) {
      return 0;
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return NEVER;
    }
  }

  /** a + b for non-negative counts, capped at {@link #NEVER}. */
  static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? NEVER : sum;
  }

  /** Whether {@code limitNanos} has passed since {@code startNanos} at clock reading {@code nowNanos}. */
  static boolean elapsed(long startNanos, long nowNanos, long limitNanos) {
    return nowNanos - startNanos >= limitNanos;
  }
}
