package servicerunner.json;

import java.io.IOException;
import java.io.Writer;

/** Collects text up to a limit and fails the write that would pass it, so that an unwanted long text stops early. */
final class LimitedWriter extends Writer {
  /** The limit was reached; what was written so far is dropped. */
  static final class Full extends IOException {
    private static final long serialVersionUID = 1L;

    Full() {
      super(null, null);
    }
  }

  private final int limit;
  private final StringBuilder text = new StringBuilder(256);

  LimitedWriter(int limit) {
    this.limit = limit;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    if (text.length() + (long) len > limit) {
      throw new Full();
    }
    text.append(buf, off, len);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (text.length() + (long) len > limit) {
      throw new Full();
    }
    text.append(s, off, len);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
