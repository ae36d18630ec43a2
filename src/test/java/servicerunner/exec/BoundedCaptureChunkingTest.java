package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The capture keeps exactly the first and last {@code limit} bytes, whatever the chunking (buffers grow lazily). */
class BoundedCaptureChunkingTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void keepsHeadAndTailForAnyChunking(long seed) {
    Random rnd = new Random(seed);
    int limit = 1 + rnd.nextInt(5000);
    BoundedCapture c = new BoundedCapture(limit);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int chunks = rnd.nextInt(40);
    for (int i = 0; i < chunks; i++) {
      byte[] b = new byte[rnd.nextInt(3 * limit + 2)];
      rnd.nextBytes(b);
      int off = b.length == 0 ? 0 : rnd.nextInt(b.length);
      int len = b.length - off;
      c.add(b, off, len);
      all.write(b, off, len);
    }
    byte[] everything = all.toByteArray();
    CapturedOutput out = c.snapshot(StandardCharsets.UTF_8);
    assertEquals(everything.length, out.totalBytes());
    if (everything.length <= 2L * limit) {
      assertEquals(0, out.droppedBytes());
      assertArrayEquals(everything, out.bytes());
      assertEquals(0, out.tail().length);
    } else {
      assertArrayEquals(Arrays.copyOf(everything, limit), out.head());
      assertArrayEquals(Arrays.copyOfRange(everything, everything.length - limit, everything.length), out.tail());
      assertEquals(everything.length - 2L * limit, out.droppedBytes());
    }
  }
}
