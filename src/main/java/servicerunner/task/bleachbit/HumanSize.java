package servicerunner.task.bleachbit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.figures.SiSize;

/**
 * Parses BleachBit's size text into bytes. BleachBit ({@code FileUtilities.bytes_to_human}) writes SI units by default
 * ({@code 0B}, {@code 812B}, {@code 12.3kB}, {@code 1.25GB}, base 1000) and IEC units when the {@code units_iec}
 * preference is on ({@code 4.0KiB}, base 1024). The number goes through {@code locale.str}, so a decimal comma is
 * possible. The reference runner read every unit as base 1024, which overstated SI sizes by 2.4 % per prefix.
 */
public final class HumanSize {
  private HumanSize() {}

  private static final Pattern SIZE = Pattern.compile("(-)?\\s*(\\d+(?:[.,]\\d+)?)\\s*([kKMGTPE])?(i)?B");
  private static final String PREFIXES = "KMGTPE";

  /** Bytes for a size such as {@code 12.3kB}, or null when the text is not a size (e.g. {@code ?B}, {@code A lot.}). */
  public static Long parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(2).replace(',', '.'));
    if (m.group(3) != null) {
      int exponent = PREFIXES.indexOf(Character.toUpperCase(m.group(3).charAt(0))) + 1;
      BigDecimal base = BigDecimal.valueOf(m.group(4) != null ? 1024 : 1000);
      value = value.multiply(base.pow(exponent));
    } else if (m.group(4) != null) {
      return null; // "iB" without a prefix is not a unit
    }
    long bytes = value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    return m.group(1) != null ? -bytes : bytes;
  }

  /** A readable SI size for verdicts, e.g. {@code 12.3 kB}; the same rounding BleachBit uses. */
  public static String format(long bytes) {
    if (bytes < 0) {
      return "-" + format(-bytes);
    }
    if (bytes < 1000) {
      return bytes + " B";
    }
    SiSize s = SiSize.of(bytes, PREFIXES.length());
    return String.format(java.util.Locale.ROOT, s.exponent() >= 3 ? "%.2f %s" : "%.1f %s", s.value(), s.unit());
  }
}
