package servicerunner.exec;

import java.nio.charset.Charset;

/**
 * What was kept of one output stream: the first and last bytes (bounded, so a tool printing gigabytes cannot exhaust
 * memory), the total byte count, and the charset it was decoded with. {@code tail} is empty unless bytes were
 * dropped between head and tail.
 */
public record CapturedOutput(byte[] head, byte[] tail, long totalBytes, long droppedBytes, Charset charset) {

  public static CapturedOutput empty(Charset cs) {
    return new CapturedOutput(new byte[0], new byte[0], 0, 0, cs);
  }

  public boolean truncated() {
    return droppedBytes > 0;
  }

  /** Head and tail bytes joined (what a parser sees; summaries are at the start or the end of tool output). */
  public byte[] bytes() {
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Decoded text; when bytes were dropped, a marker line stands where they were. */
  public String text() {
    String h = Decoding.decode(head, charset);
    if (!truncated()) {
      return h;
    }
    return h + "\n[... " + droppedBytes + " bytes not kept ...]\n" + Decoding.decode(tail, charset);
  }

  /** The last {@code maxChars} characters of the text, for excerpts. */
  public String lastChars(int maxChars) {
    String t = text();
    return t.length() <= maxChars ? t : t.substring(t.length() - maxChars);
  }

  /** The first {@code maxChars} characters of the text, for excerpts. */
  public String firstChars(int maxChars) {
    String t = text();
    return t.length() <= maxChars ? t : t.substring(0, maxChars);
  }
}
