package servicerunner.report.html;

/**
 * Builds HTML text. Every piece of text from a report (tool output, plan metadata, file names) goes through
 * {@link #text} or {@link #attr}, which escape it for its context; markup is only ever written from literals here.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(64 * 1024);

  /** Escaped for element content and double-quoted attribute values alike. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        case '&':
          rep = "&amp;";
          break;
        case '"':
          rep = "&quot;";
          break;
        case '\'':
          rep = "&#39;";
          break;
        default:
          // C0 controls other than tab and line breaks are not allowed in HTML text
          rep = c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
      }
      if (rep != null) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(rep);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * JSON text made safe inside {@code <script type="application/json">}: a {@code </} could end the element and
   * {@code <!--} could start a comment state, so both get a JSON escape that reads back as the same string.
   * Structural JSON never contains {@code <}, so only string contents change, and only in spelling.
   */
  static String scriptJson(String json) {
    return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
  }

  /** Raw markup from this package's own literals. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(String s) {
    out.append(escape(s));
    return this;
  }

  /** {@code <tag class="cls">text</tag>}, escaped; nothing when text is null. */
  Html el(String tag, String cls, String text) {
    if (text == null) {
      return this;
    }
    out.append('<').append(tag);
    if (cls != null) {
      out.append(" class=\"").append(escape(cls)).append('"');
    }
    out.append('>').append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  static String attr(String name, String value) {
    return " " + name + "=\"" + escape(value) + "\"";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
