package servicerunner.param;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit a numeric parameter is measured in. The app (and older saved plans) sometimes spell a figure as a string
 * with its unit, such as {@code "stability_threshold_mbps": "20Mbps"}; the reference runner read the number out of
 * it. A string is read here only when its unit belongs to the same quantity as the parameter's unit (time, bit rate,
 * or the unit itself), converting between units of one quantity ("90s" for a minutes parameter is 1.5).
 * Spellings are matched without regard to case, as the reference lower-cased "Mbps" before matching.
 */
public enum ParamUnit {
  MILLISECONDS("ms", "time", "0.001", "ms", "msec", "millisecond", "milliseconds"),
  SECONDS("s", "time", "1", "s", "sec", "secs", "second", "seconds"),
  MINUTES("min", "time", "60", "min", "mins", "minute", "minutes"),
  HOURS("h", "time", "3600", "h", "hr", "hrs", "hour", "hours"),
  BITS_PER_SECOND("bps", "bit rate", "1", "bps", "bit/s", "bits/s"),
  KILOBITS_PER_SECOND("Kbps", "bit rate", "1000", "kbps", "kbit/s"),
  MEGABITS_PER_SECOND("Mbps", "bit rate", "1000000", "mbps", "mbit/s"),
  GIGABITS_PER_SECOND("Gbps", "bit rate", "1000000000", "gbps", "gbit/s"),
  PERCENT("%", "percentage", "1", "%", "percent"),
  CELSIUS("C", "temperature", "1", "c", "degc", "\u00b0c"),
  BYTES("B", "bytes", "1", "b", "byte", "bytes"),
  MEGABYTES("MB", "megabytes", "1", "mb");

  private final String symbol;
  private final String quantity;
  private final BigDecimal factor;
  private final List<String> spellings;

  ParamUnit(String symbol, String quantity, String factor, String... spellings) {
    this.symbol = symbol;
    this.quantity = quantity;
    this.factor = new BigDecimal(factor);
    this.spellings = List.of(spellings);
  }

  public String symbol() {
    return symbol;
  }

  /** The unit a parameter's name implies by its suffix ({@code timeout_ms}, {@code duration_minutes}, ...). */
  public static Optional<ParamUnit> impliedBy(String paramName) {
    String n = paramName.toLowerCase(Locale.ROOT);
    String[][] suffixes = {{"_ms", "ms"}, {"_seconds", "s"}, {"_minutes", "min"}, {"_hours", "h"}, {"_bps", "bps"},
        {"_kbps", "Kbps"}, {"_mbps", "Mbps"}, {"_gbps", "Gbps"}, {"_percent", "%"}, {"_c", "C"}, {"_bytes", "B"},
        {"_mb", "MB"}};
    for (String[] s : suffixes) {
      if (n.endsWith(s[0])) {
        return of(s[1]);
      }
    }
    return Optional.empty();
  }

  /** The unit with this symbol or spelling, e.g. "Mbps", "sec", "%". */
  public static Optional<ParamUnit> of(String spelling) {
    String s = spelling.strip().toLowerCase(Locale.ROOT);
    for (ParamUnit u : values()) {
      if (u.symbol.toLowerCase(Locale.ROOT).equals(s) || u.spellings.contains(s)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** Whether a value in {@code other} can be read as this unit. */
  public boolean sameQuantity(ParamUnit other) {
    return quantity.equals(other.quantity);
  }

  /** {@code value} given in {@code from} expressed in this unit (same quantity). */
  public BigDecimal convert(BigDecimal value, ParamUnit from) {
    if (from == this) {
      return value;
    }
    return value.multiply(from.factor).divide(factor, MathContext.DECIMAL64);
  }

  public String quantity() {
    return quantity;
  }
}
