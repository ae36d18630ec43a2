package servicerunner.param;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.OutputEncoding;

/**
 * One declared constraint on a parameter's value beyond its JSON type, range and allowed words, checked at plan time
 * by {@link ParamValidator} with the parameter's JSON path, so that {@code run()} can trust its parameters. A check
 * on a string parameter applies to the string; on a string list, to every entry (the problem then starts with
 * {@code [i]: }).
 *
 * @param listing how {@code --list-tasks} names the constraint ("non-empty", "positional", ...)
 * @param problem what is wrong with a value of the declared kind (said after the path), or null when it is fine
 */
public record ParamCheck(String listing, Function<JsonNode, String> problem) {

  /** A string with something other than spaces in it; a list with at least one entry. */
  public static ParamCheck nonEmpty() {
    return new ParamCheck("non-empty", v -> {
      if (v.isArray()) {
        return v.isEmpty() ? "expected at least one entry, got an empty array" : null;
      }
      return v.asText().isBlank() ? "expected a non-empty string, got " + ParamValidator.describe(v) : null;
    });
  }

  /**
   * The value ends up on a tool's command line where a leading {@code -} would make the tool read it as one of its
   * options (ping {@code "host": "-f"} floods). Surrounding spaces are ignored, as the types strip them.
   */
  public static ParamCheck positional() {
    return eachText("positional: may not begin with \"-\"", s -> s.strip().startsWith("-")
        ? "may not begin with \"-\" (the tool would read it as an option), got " + quoted(s) : null);
  }

  /** The whole value matches {@code regex}; {@code hint} says what was expected, e.g. "a cleaner.option id". */
  public static ParamCheck matches(String regex, String hint) {
    Pattern p = Pattern.compile(regex);
    return eachText("pattern: " + hint, s -> p.matcher(s).matches() ? null
        : "expected " + hint + ", got " + quoted(s));
  }

  /** An output encoding: auto, oem, utf-8, utf-16le or a Java charset name this runtime knows. */
  public static ParamCheck encoding() {
    return eachText("encoding: auto, oem, utf-8, utf-16le or a Java charset name", s -> {
      try {
        OutputEncoding.parse(s);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    });
  }

  /** A custom check of each string (of a string or of every entry of a string list). */
  public static ParamCheck eachText(String listing, Function<String, String> problemOfText) {
    return new ParamCheck(listing, v -> {
      if (!v.isArray()) {
        return v.isTextual() ? problemOfText.apply(v.asText()) : null;
      }
      for (int i = 0; i < v.size(); i++) {
        String p = v.get(i).isTextual() ? problemOfText.apply(v.get(i).asText()) : null;
        if (p != null) {
          return "[" + i + "]: " + p;
        }
      }
      return null;
    });
  }

  /** "C", "c:", "C:\" and nothing else: never a path or a tool option. */
  private static final Pattern DRIVE = Pattern.compile("^\\s*([A-Za-z])(?::\\\\?)?\\s*$");

  /** A lone drive letter, as {@link #driveLetter} reads it. */
  public static ParamCheck drive() {
    return eachText("drive letter", s -> driveLetter(s).isPresent() ? null
        : "expected a drive letter such as \"C:\", got " + quoted(s));
  }

  /** The drive as Windows tools take it ("C:"), or empty when the value is not a lone drive letter. */
  public static Optional<String> driveLetter(String value) {
    Matcher m = DRIVE.matcher(value);
    return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT) + ":") : Optional.empty();
  }

  private static String quoted(String s) {
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
  }
}
