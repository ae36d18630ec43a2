package servicerunner.task;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.OutputEncoding;

/**
 * Parameter checks the declared kinds cannot express yet, shared by the types' {@link TaskType#checkParams}; each
 * gives the problem text starting with the parameter's JSON path, or empty when the value is fine.
 */
public final class ParamChecks {
  private ParamChecks() {}

  /** "C", "c:", "C:\" and nothing else: never a path or a tool option. */
  private static final Pattern DRIVE = Pattern.compile("^\\s*([A-Za-z])(?::\\\\?)?\\s*$");

  /** The drive as Windows tools take it ("C:"), or empty when the value is not a lone drive letter. */
  public static Optional<String> driveLetter(String value) {
    Matcher m = DRIVE.matcher(value);
    return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT) + ":") : Optional.empty();
  }

  public static Optional<String> drive(Params p, String name, UnaryOperator<String> path) {
    String value = p.string(name);
    return driveLetter(value).isPresent() ? Optional.empty()
        : Optional.of(path.apply(name) + ": expected a drive letter such as \"C:\", got \"" + value + "\"");
  }

  /** An output encoding {@link OutputEncoding#parse} accepts (oem, utf-8, a Java charset name, ...). */
  public static Optional<String> encoding(Params p, String name, UnaryOperator<String> path) {
    try {
      OutputEncoding.parse(p.string(name));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(path.apply(name) + ": " + e.getMessage());
    }
  }
}
