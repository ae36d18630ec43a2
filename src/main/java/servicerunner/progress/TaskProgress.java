package servicerunner.progress;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One task run's progress: reads its output lines with the type's parser, sends what the {@link ProgressThrottle}
 * lets through, and a heartbeat after {@code heartbeat} without an event, again every interval while the silence
 * lasts. Safe from the task's pump threads, the engine thread and the shared timer: every state change and every
 * event happens under this object's lock, so after {@link #close()} returns nothing more is sent (the task's end
 * marker follows it). Tasks run concurrently hold one each; nothing is shared between them but the timer.
 *
 * <pre>{@code
 * TaskProgress p = new TaskProgress(parser, Duration.ofSeconds(15), ProgressScheduler.shared(), sink);
 * p.begin();                               // the task's first step: the heartbeat clock starts
 * p.processStarted(handle, argv);          // each tool it runs
 * p.line("Verification 45% complete.");    // each output line
 * p.processEnded();                        // sends what the throttle held
 * p.close();                               // before the end marker
 * }</pre>
 */
public final class TaskProgress {
  private final ProgressParser parser; // null: heartbeats only
  private final long heartbeatNanos;
  private final ProgressScheduler clock;
  private final Consumer<ProgressEvent> sink;
  private final Function<ProcessHandle, Double> cpuOf;
  private final ProgressThrottle throttle = new ProgressThrottle();
  private final long startNanos;

  private boolean begun;
  private boolean closed;
  private long lastEventNanos;
  private long lastOutputNanos;
  private ProgressReading last; // the last reading sent, repeated by heartbeats
  private Supplier<ProcessHandle> process; // asked at a heartbeat only: most tools end before the first
  private double cpuEarlier; // processes of this task that ended, as last measured
  private Double cpuCurrent;
  private ProgressScheduler.Cancellable beat;
  private ProgressScheduler.Cancellable release;
  private ProgressScheduler.Cancellable tick;
  private long processStartNanos;

  public TaskProgress(ProgressParser parser, Duration heartbeat, ProgressScheduler clock,
      Consumer<ProgressEvent> sink) {
    this(parser, heartbeat, clock, sink, TreeCpu::seconds);
  }

  TaskProgress(ProgressParser parser, Duration heartbeat, ProgressScheduler clock, Consumer<ProgressEvent> sink,
      Function<ProcessHandle, Double> cpuOf) {
    this.parser = parser;
    this.heartbeatNanos = heartbeat.toNanos();
    this.clock = clock;
    this.sink = sink;
    this.cpuOf = cpuOf;
    this.startNanos = clock.nanoTime();
  }

  /** The task's first step: starts the heartbeat clock (never before, so no beat precedes TASK_START). */
  public synchronized void begin() {
    if (begun || closed) {
      return;
    }
    begun = true;
    lastEventNanos = clock.nanoTime();
    lastOutputNanos = lastEventNanos;
    armBeat(heartbeatNanos);
  }

  public void processStarted(ProcessHandle p, List<String> argv) {
    processStarted(() -> p, argv);
  }

  public synchronized void processStarted(Supplier<ProcessHandle> p, List<String> argv) {
    begin();
    process = p;
    cpuCurrent = null;
    processStartNanos = clock.nanoTime();
    if (parser != null) {
      parser.processStarted(argv);
      armTick();
    }
  }

  /** One output line of the task's tool (any stream). */
  public synchronized void line(String line) {
    if (closed) {
      return;
    }
    long now = clock.nanoTime();
    lastOutputNanos = now;
    offer(parser == null ? null : parser.read(line), now);
  }

  private void offer(ProgressReading r, long now) {
    if (r == null) {
      return;
    }
    ProgressReading send = throttle.offer(r, now);
    if (send != null) {
      emit(send, now);
    } else if (throttle.holding() && release == null) {
      release = clock.schedule(throttle.heldUntil() - now, this::releaseHeld);
    }
  }

  /** The tool exited: what the throttle held goes out now, it is the last state. */
  public synchronized void processEnded() {
    cancel(tick);
    tick = null;
    if (cpuCurrent != null) {
      cpuEarlier += cpuCurrent;
    }
    process = null;
    cpuCurrent = null;
    if (!closed) {
      ProgressReading r = throttle.release(clock.nanoTime(), true);
      if (r != null) {
        emit(r, clock.nanoTime());
      }
    }
  }

  /** Stops the heartbeats and anything held; nothing is sent after this returns. */
  public synchronized void close() {
    closed = true;
    cancel(beat);
    cancel(release);
    cancel(tick);
    beat = null;
    release = null;
    tick = null;
  }

  private void armTick() {
    java.time.Duration every = parser.tickEvery();
    if (every != null && !closed) {
      tick = clock.schedule(every.toNanos(), this::onTick);
    }
  }

  private synchronized void onTick() {
    tick = null;
    if (closed || process == null) {
      return;
    }
    long now = clock.nanoTime();
    offer(parser.tick((now - processStartNanos) / 1e9), now);
    armTick();
  }

  private synchronized void releaseHeld() {
    release = null;
    if (closed) {
      return;
    }
    long now = clock.nanoTime();
    ProgressReading r = throttle.release(now, false);
    if (r != null) {
      emit(r, now);
    } else if (throttle.holding()) {
      release = clock.schedule(throttle.heldUntil() - now, this::releaseHeld);
    }
  }

  private synchronized void checkBeat() {
    beat = null;
    if (closed) {
      return;
    }
    long now = clock.nanoTime();
    long due = lastEventNanos + heartbeatNanos;
    if (now < due) {
      armBeat(due - now); // a progress event came since this was set
      return;
    }
    if (process != null) {
      Double cpu = cpuOf.apply(process.get());
      cpuCurrent = cpu != null ? cpu : cpuCurrent;
    }
    Double cpu = process == null && cpuEarlier == 0 ? null : cpuEarlier + (cpuCurrent == null ? 0 : cpuCurrent);
    ProgressReading l = last;
    ProgressEvent e = new ProgressEvent(true, l == null ? null : l.percent(), l == null ? null : l.phase(),
        l == null ? null : l.current(), l == null ? null : l.total(), l == null ? null : l.unit(), null,
        seconds(now - startNanos), seconds(now - lastOutputNanos), cpu);
    // the next beat keeps the cadence from the due time; after a long stall (a suspended machine) from now
    lastEventNanos = now - due < heartbeatNanos ? due : now;
    armBeat(lastEventNanos + heartbeatNanos - now);
    throttle.heartbeatSent(now);
    sink.accept(e);
  }

  private void emit(ProgressReading r, long now) {
    last = r;
    lastEventNanos = now;
    double elapsed = seconds(now - startNanos);
    sink.accept(ProgressEvent.of(r, eta(r, elapsed), elapsed));
  }

  /** Seconds left at the rate so far, or -1 when too little is known (under one point or one second). */
  static long eta(ProgressReading r, double elapsed) {
    Double p = r.percent();
    if (p == null || p < 1 || elapsed < 1) {
      return -1;
    }
    return p >= 100 ? 0 : Math.round(elapsed * (100 - p) / p);
  }

  private void armBeat(long delayNanos) {
    if (!closed) {
      beat = clock.schedule(delayNanos, this::checkBeat);
    }
  }

  private static void cancel(ProgressScheduler.Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
