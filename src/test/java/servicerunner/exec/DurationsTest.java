package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void durationsBeyondWhatNanosecondsHoldSaturate() {
    assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofSeconds(9_300_000_000L)));
    assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals(Long.MAX_VALUE, Durations.nanos(null), "no limit");
    assertEquals(0, Durations.nanos(Duration.ofSeconds(-5)));
    assertEquals(1_500_000_000L, Durations.nanos(Duration.ofMillis(1500)));
  }

  @Test
  void sumsSaturate() {
    assertEquals(Long.MAX_VALUE, Durations.plus(Long.MAX_VALUE, 1));
    assertEquals(Long.MAX_VALUE, Durations.plus(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1));
    assertEquals(5, Durations.plus(2, 3));
  }

  @Test
  void elapsedTimeIsADifferenceSoAWrappingClockAndAnEndlessLimitAreSafe() {
    assertFalse(Durations.elapsed(Long.MAX_VALUE - 5, Long.MIN_VALUE + 5, 20));
    assertTrue(Durations.elapsed(Long.MAX_VALUE - 5, Long.MIN_VALUE + 5, 11));
    assertFalse(Durations.elapsed(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    assertFalse(Durations.elapsed(100, 50, 1), "a reading from before the start is not late");
  }
}
