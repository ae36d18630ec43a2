package servicerunner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void fixedIsTheFormattersOutputForDurations() {
    double[] edges = {0, 0.005, 0.015, 0.125, 1.005, 2.675, 1e-7, 0.0049999, 0.995, 9.995, 99.995, 123456.785,
        1e14 + 0.5, 1e15, 1e300, -0.001, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
    for (double d : edges) {
      for (int places = 0; places <= 9; places++) {
        assertEquals(jdk(d, places), Formats.fixed(d, places), d + " to " + places + " places");
      }
    }
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      // measured seconds (nanoTime differences / 1e9), short and long, and values already rounded to cents
      double d = i % 3 == 0 ? r.nextLong(1, 100_000_000_000L) / 1e9 : i % 3 == 1 ? r.nextDouble() * 10
          : r.nextInt(100_000) / 100.0 + 0.005;
      assertEquals(jdk(d, 2), Formats.fixed(d, 2), Double.toString(d));
      assertEquals(jdk(d, i % 10), Formats.fixed(d, i % 10), d + " to " + (i % 10) + " places");
    }
  }

  @Test
  void isoMillisIsTheInstantsOwnTextTruncatedToMillis() {
    long[] seconds = {0, 59, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_400L /* 2100-03-01 */,
        1_796_300_000L, 253_402_300_799L, 253_402_300_800L, -1, -62_135_596_800L};
    int[] nanos = {0, 1, 999_999, 1_000_000, 123_456_789, 999_999_999, 10_000_000, 100_000_000};
    for (long s : seconds) {
      for (int n : nanos) {
        Instant t = Instant.ofEpochSecond(s, n);
        assertEquals(t.truncatedTo(ChronoUnit.MILLIS).toString(), Formats.isoMillis(t), t.toString());
      }
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(r.nextLong(0, 253_402_300_800L), r.nextInt(1_000_000_000));
      assertEquals(t.truncatedTo(ChronoUnit.MILLIS).toString(), Formats.isoMillis(t), t.toString());
    }
  }

  private static String jdk(double d, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", d);
  }
}
