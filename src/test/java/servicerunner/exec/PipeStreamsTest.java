package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The streams on a real pipe: every byte across (a pipe takes 64 KB at a time), end of stream, closed streams. */
@EnabledOnOs(OS.LINUX)
class PipeStreamsTest {
  private static int[] pipe() {
    NativeSpawn.linux().orElseThrow(() -> new AssertionError("the native spawner (and Libc) must load here"));
    int[] fds = new int[2];
    assertEquals(0, Libc.pipe2(fds, Libc.O_CLOEXEC));
    return fds;
  }

  @Test
  void everyByteArrivesInOrderAndTheEndReadsAsMinusOne() throws Exception {
    int[] fds = pipe();
    byte[] sent = new byte[3 * 1024 * 1024 + 17]; // more than the pipe holds: writes are taken in parts
    new SplittableRandom(3).nextBytes(sent);
    InputStream in = PipeStreams.in(fds[0]);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = PipeStreams.out(fds[1])) {
        out.write(sent, 0, 5);
        out.write(sent[5]);
        out.write(sent, 6, sent.length - 6);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    byte[] got = in.readAllBytes();
    writer.get();
    assertArrayEquals(sent, got);
    assertEquals(-1, in.read());
    in.close();
    assertThrows(IOException.class, () -> in.read(new byte[4], 0, 4));
  }

  @Test
  void aWriteToAPipeNobodyReadsFailsAsAnIOException() throws Exception {
    int[] fds = pipe();
    PipeStreams.in(fds[0]).close();
    try (OutputStream out = PipeStreams.out(fds[1])) {
      IOException e = assertThrows(IOException.class, () -> out.write(new byte[10], 0, 10));
      assertEquals("Broken pipe", e.getMessage());
    }
  }
}
