package servicerunner.protocol;

/**
 * Makes free text safe for the stderr protocol: one line, ASCII only (non-ASCII and control characters become
 * {@code \\uXXXX}), and never mistakable for a marker.
 */
public final class Ascii {
  private Ascii() {}

  private static final String[] MARKER_PREFIXES = {"TASK_", "RUN_", "PROGRESS_JSON"};

  /** Escapes non-ASCII and control characters; folds line breaks into spaces. */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain = c >= 0x20 && c < 0x7f;
      if (plain && b == null) {
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (plain) {
        b.append(c);
      } else if (c == '\n' || c == '\r') {
        b.append(' ');
      } else if (c == '\t') {
        b.append("    ");
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b == null ? s : b.toString();
  }

  /** A runner log line: escaped, and indented if it would otherwise start like a marker. */
  public static String freeText(String s) {
    String e = escape(s);
    for (String p : MARKER_PREFIXES) {
      if (e.startsWith(p)) {
        return "  " + e;
      }
    }
    return e;
  }

  /** A reason after " - ": one line, collapsed whitespace, bounded length. */
  public static String reason(String s, int max) {
    String e = escape(s).replaceAll("\\s+", " ").trim();
    if (e.isEmpty()) {
      return "Unknown error";
    }
    return e.length() > max ? e.substring(0, max - 3) + "..." : e;
  }
}
