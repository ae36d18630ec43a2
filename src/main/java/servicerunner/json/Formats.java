package servicerunner.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Two text forms every task's lines and result carry, written out by hand: {@code java.util.Formatter} and
 * {@code DateTimeFormatter} are thousands of bytecodes a call, and the first few hundred tasks of a run execute them
 * interpreted (about a fifth of a millisecond a task, see docs/performance.md). The output is the JDK's, byte for
 * byte; FormatsTest compares the two over many values.
 */
public final class Formats {
  private Formats() {}

  /** The latest instant written here (9999-12-31T23:59:59Z); later or earlier than 1970 goes to the JDK. */
  private static final long LAST_SECOND = 253_402_300_799L;

  /** {@code String.format(Locale.ROOT, "%.<places>f", v)}: the shortest decimal of v, rounded half up. */
  public static String fixed(double v, int places) {
    if (!(v >= 0 && v < 1e15) || places < 0 || places > 9) {
      return String.format(Locale.ROOT, "%." + places + "f", v);
    }
    long scale = POW10[places];
    double x = v * scale;
    double floor = Math.floor(x);
    double frac = x - floor;
    // Below 1e9, x is v * scale within 1e-7, and v's shortest decimal within less: away from a half, both round
    // alike and the shortest decimal (Double.toString, the costly part) is not needed.
    if (x >= 1e9 || Math.abs(frac - 0.5) < 1e-6) {
      return new BigDecimal(Double.toString(v)).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
    long units = (long) floor + (frac > 0.5 ? 1 : 0);
    StringBuilder b = new StringBuilder(20).append(units / scale);
    if (places > 0) {
      String f = Long.toString(units % scale);
      b.append('.');
      for (int i = f.length(); i < places; i++) {
        b.append('0');
      }
      b.append(f);
    }
    return b.toString();
  }

  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000};

  /** {@code t.truncatedTo(ChronoUnit.MILLIS).toString()}: 2026-12-03T12:37:12.623Z, or without ".000". */
  public static String isoMillis(Instant t) {
    long sec = t.getEpochSecond();
    if (sec < 0 || sec > LAST_SECOND) {
      return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
    long days = sec / 86_400;
    int secOfDay = (int) (sec % 86_400);
    // days since 1970-01-01 to a civil date (H. Hinnant's algorithm, years from 0000-03-01)
    long z = days + 719_468;
    long era = z / 146_097;
    int doe = (int) (z - era * 146_097);
    int yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int day = doy - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    StringBuilder b = new StringBuilder(24);
    b.append(year).append('-');
    two(b, month).append('-');
    two(b, day).append('T');
    two(b, secOfDay / 3600).append(':');
    two(b, secOfDay / 60 % 60).append(':');
    two(b, secOfDay % 60);
    int millis = t.getNano() / 1_000_000;
    if (millis > 0) {
      b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10));
    }
    return b.append('Z').toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
