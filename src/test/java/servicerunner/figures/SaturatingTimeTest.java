package servicerunner.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SaturatingTimeTest {

  @Test
  void productsCapInsteadOfWrapping() {
    assertEquals(6, SaturatingTime.times(2, 3));
    assertEquals(Long.MAX_VALUE, SaturatingTime.times(Long.MAX_VALUE / 2, 3));
    assertEquals(Long.MAX_VALUE, SaturatingTime.times(1L << 40, 1L << 40));
  }

  /** Audit D1: 1e10 and larger once overflowed Duration.toNanos; here the duration caps and a margin still adds. */
  @Test
  void hugeSecondsAndMinutesCapAndStillTakeAMargin() {
    assertEquals(Duration.ofMillis(1500), SaturatingTime.seconds(1.4999));
    assertEquals(Duration.ofMinutes(3), SaturatingTime.minutes(3));
    assertEquals(Duration.ofMillis(Long.MAX_VALUE), SaturatingTime.seconds(1e300));
    assertEquals(Duration.ofMillis(Long.MAX_VALUE).plusSeconds(120), SaturatingTime.minutes(1e300).plusSeconds(120));
  }
}
