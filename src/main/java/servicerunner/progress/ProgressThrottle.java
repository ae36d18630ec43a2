package servicerunner.progress;

import java.util.Objects;

/**
 * The rate rule of progress events, as a pure function of readings and clock readings: a reading goes out when its
 * percent moved by at least one point or its phase changed since the last one sent, at most one per
 * {@link #MIN_GAP_NANOS} after the last event of the task (a heartbeat counts); a newer one that comes sooner is held
 * and goes out when the gap is over (so the last state is never lost, bazel#16119: slower updates read as hangs). The
 * tool's own completion goes out at once. Not thread-safe: {@link TaskProgress} calls it under its lock.
 */
final class ProgressThrottle {
  /**
   * At most two a second, with a margin: events exactly 500 ms apart put three in one second on a reader's clock as
   * soon as the first is written a little late (runner/bench-progress counted three before the margin).
   */
  static final long MIN_GAP_NANOS = 550_000_000L;

  private ProgressReading lastSent;
  private long lastSentNanos;
  private ProgressReading held;
  private boolean sentAny;

  /** The reading to send now, or null (held for later, or nothing new). */
  ProgressReading offer(ProgressReading r, long now) {
    if (!news(r)) {
      return null;
    }
    if (!sentAny || r.complete() || now - lastSentNanos >= MIN_GAP_NANOS) {
      return send(r, now);
    }
    held = r;
    return null;
  }

  /** A heartbeat went out: it counts for the gap, so a progress event never follows it within the half second. */
  void heartbeatSent(long now) {
    lastSentNanos = now;
    sentAny = true;
  }

  /** Whether a reading is held back, to be sent at {@link #heldUntil()}. */
  boolean holding() {
    return held != null;
  }

  long heldUntil() {
    return lastSentNanos + MIN_GAP_NANOS;
  }

  /** The held reading once its gap is over (or at once with {@code force}: the tool ended), else null. */
  ProgressReading release(long now, boolean force) {
    if (held == null || !force && now - lastSentNanos < MIN_GAP_NANOS) {
      return null;
    }
    return send(held, now);
  }

  private ProgressReading send(ProgressReading r, long now) {
    lastSent = r;
    lastSentNanos = now;
    sentAny = true;
    held = null;
    return r;
  }

  /** One point of percent, a new phase, or (with no percent at all) a new count. */
  private boolean news(ProgressReading r) {
    if (lastSent == null) {
      return r.percent() != null || r.phase() != null || r.current() != null;
    }
    if (!Objects.equals(r.phase(), lastSent.phase())) {
      return true;
    }
    if (r.percent() != null && lastSent.percent() != null) {
      return Math.abs(r.percent() - lastSent.percent()) >= 1 || r.complete() && !lastSent.complete();
    }
    if (r.percent() != null) {
      return true;
    }
    return r.current() != null && !r.current().equals(lastSent.current());
  }
}
