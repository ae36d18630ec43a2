package servicerunner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * commons-exec hands this the child's pipes. It writes the stdin text (or closes stdin at once), pumps stdout and
 * stderr on worker threads, decodes them into lines for the listener ({@link LineDecoder}) and keeps a bounded head
 * and tail of each ({@link BoundedCapture}).
 *
 * <p>After the child exited, {@link #stop()} waits for the pumps to reach end of stream, but never forever: a
 * descendant that still holds the pipe is killed at the drain timeout (or at once on {@link #cutShort()}), and the
 * output read so far stands. Unlike commons-exec's {@code PumpStreamHandler}, the exit code is never lost to that.
 */
final class DecodingStreamHandler implements ExecuteStreamHandler {
  private static final Duration AFTER_KILL = Duration.ofSeconds(1);
  /** Each pump thread's read buffer: pump threads are pooled, and two 16 KB arrays a task were zeroed for nothing. */
  private static final ThreadLocal<byte[]> PUMP_BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

  private final OutputEncoding encoding;
  private final String stdinText;
  private final OutputListener listener;
  private final Executor worker;
  private final Duration drainTimeout;
  private final Runnable onOutput;
  private final Runnable onExit;
  private final Runnable killHolders;
  private final BoundedCapture outCapture;
  private final BoundedCapture errCapture;
  private final CompletableFuture<Void> cut = new CompletableFuture<>();
  private volatile LineDecoder outDecoder;
  private volatile LineDecoder errDecoder;
  private volatile boolean drainTimedOut;
  private OutputStream stdin;
  private InputStream stdout;
  private InputStream stderr;
  private CompletableFuture<Void> pumps = CompletableFuture.completedFuture(null);

  /**
   * @param stdinText written to the child's stdin as UTF-8, then closed; null closes it at once
   * @param onOutput called on every chunk read (the idle timeout's clock)
   * @param onExit called first in {@link #stop()}, which commons-exec calls as soon as its wait for the child returns
   * @param killHolders ends whatever still holds the pipes after the child exited; may block for a short grace
   */
  DecodingStreamHandler(
      OutputEncoding encoding,
      String stdinText,
      OutputListener listener,
      int captureLimit,
      Executor worker,
      Duration drainTimeout,
      Runnable onOutput,
      Runnable onExit,
      Runnable killHolders) {
    this.encoding = encoding;
    this.stdinText = stdinText;
    this.listener = listener;
    this.worker = worker;
    this.drainTimeout = drainTimeout;
    this.onOutput = onOutput;
    this.onExit = onExit;
    this.killHolders = killHolders;
    this.outCapture = new BoundedCapture(captureLimit);
    this.errCapture = new BoundedCapture(captureLimit);
  }

  @Override
  public void setProcessInputStream(OutputStream os) {
    stdin = os;
  }

  @Override
  public void setProcessOutputStream(InputStream is) {
    stdout = is;
  }

  @Override
  public void setProcessErrorStream(InputStream is) {
    stderr = is;
  }

  @Override
  public void start() {
    outDecoder = new LineDecoder(encoding, line -> deliver(OutputListener.Stream.STDOUT, line));
    errDecoder = new LineDecoder(encoding, line -> deliver(OutputListener.Stream.STDERR, line));
    LineDecoder out = outDecoder;
    LineDecoder err = errDecoder;
    pumps =
        CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> pump(stdout, out, outCapture), worker),
            CompletableFuture.runAsync(() -> pump(stderr, err, errCapture), worker));
    if (stdinText == null) {
      closeQuietly(stdin);
    } else {
      OutputStream os = stdin;
      worker.execute(() -> writeStdin(os, stdinText));
    }
  }

  /** Called after the child exited: waits for the pumps up to the drain timeout, then ends what holds the pipes. */
  @Override
  public void stop() {
    onExit.run();
    if (!await(CompletableFuture.anyOf(pumps, cut), Durations.nanos(drainTimeout)) || !pumps.isDone()) {
      drainTimedOut = true;
      killHolders.run();
      await(pumps, Durations.nanos(AFTER_KILL));
    }
  }

  /** Stops waiting for output now (a cancel after the child exited): {@link #stop()} ends the holders at once. */
  void cutShort() {
    cut.complete(null);
  }

  boolean drainTimedOut() {
    return drainTimedOut;
  }

  CapturedOutput stdout() {
    return outCapture.snapshot(charsetOf(outDecoder));
  }

  CapturedOutput stderr() {
    return errCapture.snapshot(charsetOf(errDecoder));
  }

  private void pump(InputStream in, LineDecoder decoder, BoundedCapture capture) {
    byte[] buf = PUMP_BUFFER.get(); // the decoder and the capture copy what they keep
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        onOutput.run();
        capture.add(buf, 0, n);
        decoder.feed(buf, 0, n);
      }
    } catch (IOException ignored) {
      // pipe closed under us: the output read so far stands
    }
    decoder.finish();
  }

  private void deliver(OutputListener.Stream stream, String line) {
    try {
      listener.onLine(stream, line);
    } catch (RuntimeException e) {
      // a failing consumer must not stop the pump: the child would block on a full pipe
    }
  }

  private static void writeStdin(OutputStream os, String text) {
    try (OutputStream out = os) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // the tool closed its stdin early; nothing to deliver
    }
  }

  /** True when {@code f} completed (normally or not) within the time. */
  private static boolean await(CompletableFuture<?> f, long nanos) {
    try {
      f.get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true; // a pump failed: what it captured stands
    }
  }

  private static Charset charsetOf(LineDecoder d) {
    return d == null || d.charset() == null ? StandardCharsets.UTF_8 : d.charset();
  }

  /** Closes a process stream we are done with; null or an error is nothing to act on (exec uses it throughout). */
  static void closeQuietly(java.io.Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
