package servicerunner.exec;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Java streams on the runner's ends of a {@link NativeSpawn} child's pipes, reading and writing the descriptors
 * directly. The JDK has no public way to wrap a descriptor number; opening {@code /proc/self/fd/N} instead cost a
 * path walk, a second descriptor and a cleaner registration for each of the three pipes, about 80 microseconds a task
 * (async-profiler). Bytes pass through a per-thread native buffer, copied once, as FileInputStream copies them.
 */
final class PipeStreams {
  private PipeStreams() {}

  private static final int EINTR = 4;
  private static final int CHUNK = 16 * 1024;
  /** Grown to what a thread writes, up to a chunk: most writes are the death watch's few bytes a tool. */
  private static final ThreadLocal<Memory[]> WRITE_BUFFER = ThreadLocal.withInitial(() -> new Memory[1]);
  /** Reads land in a direct buffer: its copy into the caller's array is a plain memory copy, not a second JNI call. */
  private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));

  static InputStream in(int fd) {
    return new In(fd);
  }

  static OutputStream out(int fd) {
    return new Out(fd);
  }

  /** Closes the descriptor once; a read or write after that fails as the JDK's streams do. */
  private static final class Descriptor {
    final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    Descriptor(int fd) {
      this.fd = fd;
    }

    void checkOpen() throws IOException {
      if (closed.get()) {
        throw new IOException("Stream Closed");
      }
    }

    void closeOnce() {
      if (closed.compareAndSet(false, true)) {
        Libc.close(fd);
      }
    }

    /** The call's result, retried while a signal interrupts it; a failure as an IOException. */
    static long retrying(java.util.function.LongSupplier call) throws IOException {
      while (true) {
        long n = call.getAsLong();
        if (n >= 0) {
          return n;
        }
        int errno = Native.getLastError();
        if (errno != EINTR) {
          throw new IOException(Libc.strerror(errno));
        }
      }
    }
  }

  private static final class In extends InputStream {
    private final Descriptor d;

    In(int fd) {
      d = new Descriptor(fd);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      d.checkOpen();
      ByteBuffer buf = READ_BUFFER.get();
      int want = Math.min(len, CHUNK);
      int n = (int) Descriptor.retrying(() -> Libc.read(d.fd, buf, want));
      if (n == 0) {
        return -1;
      }
      buf.get(0, b, off, n);
      return n;
    }

    @Override
    public void close() {
      d.closeOnce();
    }
  }

  private static final class Out extends OutputStream {
    private final Descriptor d;

    Out(int fd) {
      d = new Descriptor(fd);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      d.checkOpen();
      Memory m = Libc.threadBlock(WRITE_BUFFER, Math.min(len, CHUNK), 256);
      while (len > 0) {
        int chunk = (int) Math.min(len, m.size());
        m.write(0, b, off, chunk);
        int done = 0;
        while (done < chunk) { // a pipe may take part of a write
          long at = done;
          done += (int) Descriptor.retrying(() -> Libc.write(d.fd, m.share(at), chunk - at));
        }
        off += chunk;
        len -= chunk;
      }
    }

    @Override
    public void close() {
      d.closeOnce();
    }
  }
}
