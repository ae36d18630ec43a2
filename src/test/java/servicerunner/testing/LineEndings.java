package servicerunner.testing;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * The same tool output with other line ends (google-java-format runs its golden files with CR, LF and CRLF): a
 * transcript pasted into a bug report or replayed through another terminal has LF only, and parsers must give the
 * same verdict. Bare CR progress redraws are kept as they are.
 */
public final class LineEndings {
  private LineEndings() {}

  /** "lf": CRLF becomes LF; "crlf": lone LF becomes CRLF (the original where it already was CRLF). */
  public static Map<String, byte[]> variants(byte[] raw, Charset cs) {
    String text = new String(raw, cs);
    String lf = text.replace("\r\n", "\n");
    String crlf = lf.replace("\n", "\r\n");
    return Map.of("lf", lf.getBytes(cs), "crlf", crlf.getBytes(cs));
  }

  public static List<String> names() {
    return List.of("lf", "crlf");
  }
}
