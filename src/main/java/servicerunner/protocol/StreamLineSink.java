package servicerunner.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes lines to a byte stream with {@code \n} endings, flushed after every line, under one lock so that output
 * from pump threads never splits a marker. Write failures are thrown, not swallowed as PrintStream would.
 */
public final class StreamLineSink implements LineSink, AutoCloseable {
  private final OutputStream out;
  private volatile boolean failed;

  public StreamLineSink(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void writeLine(String line) {
    write(line + "\n");
  }

  @Override
  public synchronized void writeLines(String... lines) {
    StringBuilder all = new StringBuilder();
    for (String l : lines) {
      all.append(l).append('\n');
    }
    write(all.toString());
  }

  private void write(String text) {
    if (failed) {
      throw new UncheckedIOException(new IOException("stream closed earlier"));
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      failed = true;
      throw new UncheckedIOException(e);
    }
  }

  public boolean failed() {
    return failed;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // closing at the end of the run; nothing more to write
    }
  }
}
