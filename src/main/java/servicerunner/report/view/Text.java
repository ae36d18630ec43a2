package servicerunner.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import servicerunner.figures.SiSize;

/**
 * Values as a person reads them. Every method returns null for a value that is missing, null, not finite or blank,
 * so a caller leaves the figure out instead of printing "null", "NaN" or "undefined".
 */
public final class Text {
  private Text() {}

  /** A scalar as text (numbers trimmed to at most 2 decimals, booleans as yes/no), or null. */
  public static String of(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
      return null;
    }
    if (n.isNumber()) {
      return number(n.asDouble());
    }
    if (n.isBoolean()) {
      return n.asBoolean() ? "yes" : "no";
    }
    String t = n.asText().strip();
    return t.isEmpty() || "null".equals(t) || "NaN".equals(t) || "undefined".equals(t) ? null : t;
  }

  /** A finite number, or null. */
  public static Double num(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isNumber()) {
      double d = n.asDouble();
      return Double.isFinite(d) ? d : null;
    }
    if (n.isTextual()) {
      try {
        double d = Double.parseDouble(n.asText().strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Up to 2 decimals, no exponent, no trailing zeros. */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      return null;
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    int places = Math.abs(d) >= 100 ? 1 : 2;
    return BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  public static String number(Double d) {
    return d == null ? null : number(d.doubleValue());
  }

  /** Decimal (SI) sizes, as BleachBit and drive makers print them. */
  public static String bytes(Double b) {
    if (b == null || b < 0) {
      return null;
    }
    SiSize s = SiSize.of(b, 5);
    double v = s.value();
    return (s.exponent() == 0 ? Long.toString(Math.round(v)) : number(v >= 100 ? Math.rint(v) : v)) + " " + s.unit();
  }

  /** 3.2 s, 4 min 05 s, 1 h 02 min. */
  public static String duration(Double seconds) {
    if (seconds == null || seconds < 0) {
      return null;
    }
    if (seconds < 60) {
      return number(seconds < 10 ? seconds : Math.rint(seconds)) + " s";
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** A machine word such as {@code threats_found} as words: "Threats found". Sentences are kept as they are. */
  public static String humanise(String word) {
    if (word == null || word.isBlank()) {
      return null;
    }
    if (!word.matches("[a-z0-9_]+")) {
      return word;
    }
    String w = word.replace('_', ' ');
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** One line: runs of whitespace (including line breaks) become one space, at most {@code max} characters. */
  public static String oneLine(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.replaceAll("\\s+", " ").strip();
    if (t.isEmpty()) {
      return null;
    }
    return t.length() <= max ? t : t.substring(0, max - 1) + "\u2026";
  }
}
