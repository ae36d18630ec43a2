package servicerunner.param;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads parameter values the app spells its own way the way the reference runner read them: a number inside a
 * string, optionally followed by a unit ({@code "20Mbps"}, {@code "30s"}, {@code "1.5"}; the reference ran Python's
 * {@code int()}/{@code float()} on most figures and cut "Mbps" off the iperf threshold), and an enumerated string
 * in another case ({@code "TCP"}; the reference lower-cased protocol, action, time_frame, detail_level and
 * categories). Anything else stays an error: these readings never guess.
 */
final class ParamSpelling {
  private ParamSpelling() {}

  private static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S(?:.*\\S)?)?\\s*");

  /** A number read from a string: its value in the parameter's unit, or why it cannot be read. */
  record Read(BigDecimal value, ParamUnit givenUnit, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  /**
   * @param unit the parameter's unit, if it has one
   * @return the value (converted to the parameter's unit when the string names another unit of the same
   *     quantity), or a problem: no number, a unit on a parameter without one, or a unit of another quantity
   */
  static Read number(String text, Optional<ParamUnit> unit) {
    Matcher m = NUMBER_WITH_UNIT.matcher(text);
    if (!m.matches()) {
      return fail("");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      return fail("");
    }
    if (value.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
      return fail("");
    }
    String unitText = m.group(2);
    if (unitText == null) {
      return new Read(value, null, null);
    }
    Optional<ParamUnit> given = ParamUnit.of(unitText);
    if (unit.isEmpty()) {
      return fail(given.isPresent() ? " (this parameter takes no unit)" : "");
    }
    if (given.isEmpty()) {
      String shown = unitText.length() > 20 ? unitText.substring(0, 20) + "..." : unitText;
      return fail(" (unknown unit \"" + shown + "\")");
    }
    if (!unit.get().sameQuantity(given.get())) {
      return fail(" (" + given.get().symbol() + " is not a " + unit.get().quantity() + ")");
    }
    return new Read(unit.get().convert(value, given.get()), given.get(), null);
  }

  private static Read fail(String why) {
    return new Read(null, null, why);
  }

  /** The allowed value equal to {@code s} except for case, if exactly one is. */
  static Optional<String> allowedIgnoringCase(List<String> allowed, String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    List<String> hits = allowed.stream().filter(a -> a.toLowerCase(Locale.ROOT).equals(lower)).toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  /** A plain decimal for messages: 20, 1.5, 0.000001 (never 2E+1). */
  static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
