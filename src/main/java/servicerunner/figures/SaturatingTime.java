package servicerunner.figures;

import java.time.Duration;

/**
 * Time arithmetic on plan values that saturates instead of overflowing. Plan values are bounded at plan time (every
 * duration and count declares a maximum), so this is the second guard: a limit computed from them may be huge but
 * never wraps into the past or throws on the engine thread (audit D1, D4). The process layer caps what it is given
 * the same way ({@code exec.Durations}).
 */
public final class SaturatingTime {
  private SaturatingTime() {}

  /** a * b for non-negative a and b, capped at {@link Long#MAX_VALUE}. */
  public static long times(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  /**
   * {@code seconds} (not negative) as a Duration rounded up to the millisecond, capped at {@link Long#MAX_VALUE}
   * milliseconds (about 292 million years), so adding a margin to it cannot overflow either.
   */
  public static Duration seconds(double seconds) {
    return Duration.ofMillis((long) Math.ceil(seconds * 1000)); // a double beyond the long range casts to MAX_VALUE
  }

  /** {@code minutes} (not negative) as {@link #seconds}. */
  public static Duration minutes(double minutes) {
    return seconds(minutes * 60);
  }
}
