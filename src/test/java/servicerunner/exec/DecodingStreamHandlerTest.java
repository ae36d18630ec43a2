package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Pumping, decoding, capture and the drain after exit. A {@link Pipe} stands in for a pipe that a descendant keeps
 * open after the child exited: it reaches end of stream only when the test closes its write end.
 */
class DecodingStreamHandlerTest {
  private static final long GUARD_SECONDS = 30; // a hang guard, not a time bound

  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AtomicInteger chunks = new AtomicInteger();
  private final AtomicInteger exits = new AtomicInteger();
  private final AtomicInteger holderKills = new AtomicInteger();
  private final CountDownLatch firstLine = new CountDownLatch(1);

  @AfterEach
  void cleanUp() {
    worker.shutdownNow();
  }

  private DecodingStreamHandler handler(String stdin, Duration drainTimeout, Runnable killHolders) {
    return new DecodingStreamHandler(
        OutputEncoding.UTF8,
        stdin,
        (stream, line) -> {
          lines.add(stream + " " + line);
          firstLine.countDown();
        },
        BoundedCapture.DEFAULT_LIMIT,
        worker,
        drainTimeout,
        chunks::incrementAndGet,
        exits::incrementAndGet,
        () -> {
          holderKills.incrementAndGet();
          killHolders.run();
        });
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aRealChildGetsItsStdinAndItsOutputArrivesAsLinesAndCapture() throws Exception {
    DecodingStreamHandler h = handler("a\nb\n", Duration.ofSeconds(30), () -> {});
    Process p = new ProcessBuilder("sh", "-c", "cat; echo oops >&2").start();
    h.setProcessInputStream(p.getOutputStream());
    h.setProcessOutputStream(p.getInputStream());
    h.setProcessErrorStream(p.getErrorStream());
    h.start();
    assertEquals(0, p.waitFor());
    h.stop();
    assertEquals("a\nb\n", h.stdout().text());
    assertEquals("oops\n", h.stderr().text());
    assertTrue(lines.containsAll(List.of("STDOUT a", "STDOUT b", "STDERR oops")), lines.toString());
    assertFalse(h.drainTimedOut());
    assertEquals(0, holderKills.get());
    assertTrue(chunks.get() >= 2, "each chunk read counts as output for the idle timeout");
  }

  @Test
  void aHolderOfThePipeIsKilledAtTheDrainTimeoutAndTheOutputReadSoFarStands() throws Exception {
    Pipe pipe = Pipe.open();
    DecodingStreamHandler h = handler(null, Duration.ofMillis(50), () -> closeQuietly(pipe.sink()));
    attach(h, pipe);
    h.start();
    pipe.sink().write(ByteBuffer.wrap("before\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(firstLine.await(GUARD_SECONDS, TimeUnit.SECONDS));
    h.stop(); // the "child" has exited; the pipe's write end is still open
    assertEquals(1, exits.get(), "the watch heard of the exit before the drain");
    assertTrue(h.drainTimedOut());
    assertEquals(1, holderKills.get());
    assertEquals("before\n", h.stdout().text());
  }

  @Test
  void aCutShortEndsAnEndlessDrainAtOnce() throws Exception {
    // a drain timeout far beyond what Duration.toNanos can hold must neither overflow nor be waited out
    Pipe pipe = Pipe.open();
    DecodingStreamHandler h = handler(null, Duration.ofSeconds(Long.MAX_VALUE / 2), () -> closeQuietly(pipe.sink()));
    attach(h, pipe);
    h.start();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(h::stop);
    h.cutShort();
    stopping.get(GUARD_SECONDS, TimeUnit.SECONDS);
    assertTrue(h.drainTimedOut());
    assertEquals(1, holderKills.get());
  }

  @Test
  void aListenerThatThrowsDoesNotStopThePump() throws Exception {
    DecodingStreamHandler h =
        new DecodingStreamHandler(
            OutputEncoding.UTF8, null, (stream, line) -> {
              throw new IllegalStateException("consumer broke");
            }, BoundedCapture.DEFAULT_LIMIT, worker, Duration.ofSeconds(30), () -> {}, () -> {}, () -> {});
    h.setProcessInputStream(new ByteArrayOutputStream());
    h.setProcessOutputStream(new ByteArrayInputStream("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8)));
    h.setProcessErrorStream(new ByteArrayInputStream(new byte[0]));
    h.start();
    h.stop();
    assertEquals("one\ntwo\nthree\n", h.stdout().text());
    assertFalse(h.drainTimedOut());
  }

  private static void attach(DecodingStreamHandler h, Pipe pipe) {
    h.setProcessInputStream(new ByteArrayOutputStream());
    h.setProcessOutputStream(Channels.newInputStream(pipe.source()));
    h.setProcessErrorStream(new ByteArrayInputStream(new byte[0]));
  }

  private static void closeQuietly(java.nio.channels.Channel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
