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

  OutputForwarder(RunObserver observer, int index, String type, ForwardLimits limits) {
    this.observer = observer;
    this.index = index;
    this.type = type;
    this.limits = limits;
    this.tokens = limits.burst();
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
      if (lines >= limits.maxLines() || bytes >= limits.maxBytes() || tokens < 1) {
        dropped++;
        return;
      }
      tokens -= 1;
      lines++;
      bytes += line.length() + 1;
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
