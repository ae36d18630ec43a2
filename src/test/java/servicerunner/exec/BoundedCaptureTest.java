package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedCaptureTest {

  @Test
  void smallOutputIsKeptWhole() {
    BoundedCapture c = new BoundedCapture(8);
    c.add("abc".getBytes(StandardCharsets.UTF_8), 0, 3);
    c.add("defgh".getBytes(StandardCharsets.UTF_8), 0, 5);
    c.add("ij".getBytes(StandardCharsets.UTF_8), 0, 2);
    CapturedOutput o = c.snapshot(StandardCharsets.UTF_8);
    assertFalse(o.truncated());
    assertEquals("abcdefghij", o.text());
  }

  @Test
  void keepsHeadAndTailAndCountsTheRest() {
    BoundedCapture c = new BoundedCapture(4);
    byte[] all = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < all.length; i += 3) {
      c.add(all, i, Math.min(3, all.length - i));
    }
    CapturedOutput o = c.snapshot(StandardCharsets.UTF_8);
    assertTrue(o.truncated());
    assertEquals(20, o.totalBytes());
    assertEquals(12, o.droppedBytes());
    assertArrayEquals("0123".getBytes(StandardCharsets.UTF_8), o.head());
    assertArrayEquals("ghij".getBytes(StandardCharsets.UTF_8), o.tail());
    assertTrue(o.text().contains("12 bytes not kept"));
  }

  @Test
  void oneHugeWriteKeepsItsEnd() {
    BoundedCapture c = new BoundedCapture(4);
    byte[] all = "0123456789".getBytes(StandardCharsets.UTF_8);
    c.add(all, 0, all.length);
    CapturedOutput o = c.snapshot(StandardCharsets.UTF_8);
    assertArrayEquals("0123".getBytes(StandardCharsets.UTF_8), o.head());
    assertArrayEquals("6789".getBytes(StandardCharsets.UTF_8), o.tail());
  }
}
