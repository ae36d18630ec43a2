package servicerunner.plan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks on the plan's raw bytes, made without decoding them into one String (a plan may be tens of MB). */
final class PlanText {
  private PlanText() {}

  /** 3 for a UTF-8 byte-order mark (accepted, as Windows editors write one), else 0. */
  static int bomLength(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
  }

  /** Strict UTF-8 (no malformed or overlong sequences, no lone surrogates), checked through a small buffer. */
  static void requireUtf8(byte[] b, int start, String source) throws PlanException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = d.decode(in, out, true);
      if (r.isError()) {
        throw new PlanException(source + ": the plan is not UTF-8 text (binary or another encoding)");
      }
      out.clear();
      if (r.isUnderflow()) {
        break;
      }
    }
    CoderResult r = d.flush(out);
    if (r.isError()) {
      throw new PlanException(source + ": the plan is not UTF-8 text (binary or another encoding)");
    }
  }

  /** Whether the text is only whitespace (what String.isBlank sees in ASCII; other spaces are not JSON anyway). */
  static boolean isBlank(byte[] b, int start) {
    for (int i = start; i < b.length; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x0b && c != 0x0c && !(c >= 0x1c && c <= 0x1f)) {
        return false;
      }
    }
    return true;
  }
}
