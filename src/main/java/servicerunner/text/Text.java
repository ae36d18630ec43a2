package servicerunner.text;

/** Small text helpers the Windows tool parsers share. */
public final class Text {
  private Text() {}

  /** The last {@code n} characters. */
  public static String tail(String s, int n) {
    if (s == null) {
      return "";
    }
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  /** Splits on CR, LF and CRLF (console tools redraw progress with a bare CR). */
  public static String[] lines(String s) {
    return s.split("\r\n|\r|\n");
  }

  /** The last non-blank line, stripped; empty when there is none (a crash message is usually the last line). */
  public static String lastLine(String s) {
    String[] l = lines(s.strip());
    return l[l.length - 1].strip();
  }
}
