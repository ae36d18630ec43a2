package servicerunner.exec;

import java.nio.charset.Charset;

/**
 * Keeps the first and the last {@code limit} bytes of a stream and counts the rest. The buffers grow as bytes
 * arrive (the head) or are allocated when the head is full (the tail ring), so the many tasks that print a few
 * lines do not each allocate the full bound.
 */
final class BoundedCapture {
  static final int DEFAULT_LIMIT = 64 * 1024;

  private final int limit;
  private byte[] head = new byte[0];
  private int headLen;
  private byte[] ring;
  private int ringStart;
  private int ringLen;
  private long total;

  BoundedCapture(int limit) {
    this.limit = limit;
  }

  synchronized void add(byte[] b, int off, int len) {
    total += len;
    int toHead = Math.min(len, limit - headLen);
    if (toHead > 0) {
      if (headLen + toHead > head.length) {
        head = java.util.Arrays.copyOf(head, Math.min(limit, Math.max(headLen + toHead, Math.max(1024, head.length * 2))));
      }
      System.arraycopy(b, off, head, headLen, toHead);
      headLen += toHead;
      off += toHead;
      len -= toHead;
    }
    if (len <= 0) {
      return;
    }
    if (ring == null) {
      ring = new byte[limit];
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
    int first = Math.min(ringLen, limit - ringStart);
    if (ringLen > 0) {
      System.arraycopy(ring, ringStart, t, 0, first);
      System.arraycopy(ring, 0, t, first, ringLen - first);
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
