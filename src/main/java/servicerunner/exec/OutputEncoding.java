package servicerunner.exec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a task's output bytes are decoded. {@code auto} sniffs a BOM or the NUL pattern of UTF-16LE (sfc writes
 * UTF-16LE without BOM to a pipe) and otherwise reads UTF-8; {@code oem} is the Windows console code page that
 * DISM, chkdsk and ping use; anything else is a Java charset name.
 */
public record OutputEncoding(String name, Charset fixed) {

  public static final OutputEncoding AUTO = new OutputEncoding("auto", null);
  public static final OutputEncoding UTF8 = new OutputEncoding("utf-8", StandardCharsets.UTF_8);
  public static final OutputEncoding UTF16LE = new OutputEncoding("utf-16le", StandardCharsets.UTF_16LE);

  /** Parses a plan value; throws IllegalArgumentException with a message fit for the user. */
  public static OutputEncoding parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "auto":
        return AUTO;
      case "oem":
        return new OutputEncoding("oem", OemCodePage.charset());
      case "utf-8":
      case "utf8":
        return UTF8;
      case "utf-16le":
      case "utf-16":
      case "unicode":
        return UTF16LE;
      default:
        try {
          return new OutputEncoding(s, Charset.forName(spec.trim()));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "unknown encoding \"" + spec + "\" (expected auto, oem, utf-8, utf-16le or a Java charset name)");
        }
    }
  }

  public boolean isAuto() {
    return fixed == null;
  }
}
