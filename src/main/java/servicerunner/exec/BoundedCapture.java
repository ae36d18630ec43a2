package servicerunner.exec;

import java.nio.charset.Charset;

/** Keeps the first and the last {@code limit} bytes of a stream and counts the rest. */
final class BoundedCapture {
  static final int DEFAULT_LIMIT = 64 * 1024;

  private final int limit;
  private final byte[] head;
  private int headLen;
  private final byte[] ring;
  private int ringStart;
  private int ringLen;
  private long total;

  BoundedCapture(int limit) {
    this.limit = limit;
    this.head = new byte[limit];
    this.ring = new byte[limit];
  }

  synchronized void add(byte[] b, int off, int len) {
    total += len;
    int toHead = Math.min(len, limit - headLen);
    if (toHead > 0) {
      System.arraycopy(b, off, head, headLen, toHead);
      headLen += toHead;
      off += toHead;
      len -= toHead;
    }
    if (len <= 0) {
      return;
    }
    if (len >= limit) {
      System.arraycopy(b, off + len - limit, ring, 0, limit);
      ringStart = 0;
      ringLen = limit;
      return;
    }
    int writePos = (ringStart + ringLen) % limit;
    int first = Math.min(len, limit - writePos);
    System.arraycopy(b, off, ring, writePos, first);
    System.arraycopy(b, off + first, ring, 0, len - first);
    int grown = ringLen + len;
    if (grown > limit) {
      ringStart = (ringStart + grown - limit) % limit;
      ringLen = limit;
    } else {
      ringLen = grown;
    }
  }

  synchronized CapturedOutput snapshot(Charset cs) {
    byte[] h = java.util.Arrays.copyOf(head, headLen);
    byte[] t = new byte[ringLen];
    for (int i = 0; i < ringLen; i++) {
      t[i] = ring[(ringStart + i) % limit];
    }
    long dropped = total - headLen - ringLen;
    if (dropped == 0 && ringLen > 0) {
      byte[] all = new byte[headLen + ringLen]; // nothing lost: keep one contiguous head
      System.arraycopy(h, 0, all, 0, headLen);
      System.arraycopy(t, 0, all, headLen, ringLen);
      return new CapturedOutput(all, new byte[0], total, 0, cs);
    }
    return new CapturedOutput(h, t, total, dropped, cs);
  }
}
