package servicerunner.exec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Charset detection and lenient decoding shared by the live line reader and the parsers. */
public final class Decoding {
  private Decoding() {}

  /**
   * Picks a charset from the first bytes: a BOM, else UTF-16LE when most odd offsets hold NUL (sfc on a pipe writes
   * UTF-16LE without BOM, even after chcp 65001), else UTF-8 when the bytes are valid UTF-8, else {@code fallback}.
   */
  public static Charset sniff(byte[] b, int len, Charset fallback) {
    if (len >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return StandardCharsets.UTF_16LE;
    }
    if (len >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return StandardCharsets.UTF_16BE;
    }
    if (len >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return StandardCharsets.UTF_8;
    }
    int pairs = len / 2;
    if (pairs > 0) {
      int oddNul = 0;
      int evenNul = 0;
      for (int i = 0; i + 1 < len; i += 2) {
        if (b[i + 1] == 0) {
          oddNul++;
        }
        if (b[i] == 0) {
          evenNul++;
        }
      }
      if (oddNul * 10 >= pairs * 4 && evenNul * 10 < pairs) {
        return StandardCharsets.UTF_16LE;
      }
    }
    if (fallback == null || isValidUtf8(b, len)) {
      return StandardCharsets.UTF_8;
    }
    return fallback;
  }

  public static Charset sniff(byte[] b) {
    return sniff(b, b.length, StandardCharsets.UTF_8);
  }

  static boolean isValidUtf8(byte[] b, int len) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, 0, trimIncompleteUtf8(b, len)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Length without a UTF-8 sequence cut off at the end (a read may stop mid-character). */
  private static int trimIncompleteUtf8(byte[] b, int len) {
    for (int back = 1; back <= 3 && len - back >= 0; back++) {
      int c = b[len - back] & 0xff;
      if ((c & 0xc0) == 0x80) {
        continue; // continuation byte: look further back for the lead byte
      }
      int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? len - back : len;
    }
    return len;
  }

  /** Decodes with replacement characters for bad input and strips a leading BOM. */
  public static String decode(byte[] bytes, Charset cs) {
    String s = new String(bytes, cs == null ? sniff(bytes) : cs);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** Sniffs, then decodes: what a parser wants for raw tool output. */
  public static String decodeAuto(byte[] bytes) {
    return decode(bytes, sniff(bytes));
  }
}
