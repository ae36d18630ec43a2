package servicerunner.run;

import servicerunner.exec.OutputListener;

/**
 * Forwards a task's output lines to the observers, within limits: the app keeps the whole live log in browser
 * session storage (a few MB), so a chatty tool gets a per-task line/byte budget and a rate limit; what is held
 * back is counted and reported in one line at the end (the report still keeps head and tail of the output).
 */
final class OutputForwarder implements OutputListener {
  private final RunObserver observer;
  private final int index;
  private final String type;
  private final ForwardLimits limits;
  private long lines;
  private long bytes;
  private long dropped;
  private double tokens;
  private long lastRefill = System.nanoTime();
  private final int prefix;

  OutputForwarder(RunObserver observer, int index, String type, ForwardLimits limits) {
    this.observer = observer;
    this.index = index;
    this.type = type;
    this.limits = limits;
    this.tokens = limits.burst();
    // "[i:type] " and the newline; markers show at most about 123 characters of a type
    this.prefix = ("[" + index + ":] ").length() + Math.min(type == null ? 7 : type.length(), 123) + 1;
  }

  /**
   * The length of {@code line} as stderr carries it, ASCII-escaped (protocol/Ascii's rule: a control or non-ASCII
   * character becomes six characters, a tab four): the byte budget counts what is written, so a flood of NULs or
   * of accented text cannot forward six times the budget (audit D13: 3.1 MB against 512 KiB).
   */
  static long writtenLength(String line) {
    long n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      n += c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' ? 1 : c == '\t' ? 4 : 6;
    }
    return n;
  }

  @Override
  public void onLine(Stream stream, String line) {
    if (line.isBlank()) {
      return; // the app ignores empty lines
    }
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(limits.burst(), tokens + (now - lastRefill) / 1e9 * limits.linesPerSecond());
      lastRefill = now;
      long size = writtenLength(line) + prefix;
      if (lines >= limits.maxLines() || bytes + size > limits.maxBytes() || tokens < 1) {
        dropped++;
        return;
      }
      tokens -= 1;
      lines++;
      bytes += size;
    }
    observer.taskOutput(index, type, line);
  }

  /** Notes how many lines were held back, if any. */
  void finish() {
    long d;
    synchronized (this) {
      d = dropped;
    }
    if (d > 0) {
      observer.taskOutput(index, type, "(" + d + " more output lines not shown live; the report keeps the start and end)");
    }
  }
}
