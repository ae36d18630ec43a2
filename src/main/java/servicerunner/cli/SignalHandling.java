package servicerunner.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import servicerunner.run.RunController;
import servicerunner.run.StopReason;
import servicerunner.run.RunHandle;
import servicerunner.run.RunOutcome;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM stop the run the way a fault must: the running process tree is ended, {@code RUN_STOPPED:signal}
 * is emitted, the report is written (stdout and --output-file), and the runner exits 130 or 143. The JVM's default
 * would exit at once with no report and leave the task's tree running (it lives in its own session). A shutdown hook
 * backs this up where the handlers cannot be installed, and covers the Windows console close event, which the JVM
 * turns into a shutdown.
 */
final class SignalHandling implements AutoCloseable {
  private static final Duration HOOK_WAIT = Duration.ofSeconds(10);
  /** How long a run may take to stop after SIGINT/SIGTERM before the process ends without it. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);

  private final List<Restore> restore = new ArrayList<>();
  private final Thread hook;
  private volatile RunController controller;
  private volatile RunHandle handle;
  private volatile String received;
  private volatile long signalledAt;

  private record Restore(Signal signal, SignalHandler previous) {}

  private SignalHandling() {
    this.hook = new Thread(this::onShutdown, "sr-shutdown");
  }

  /**
   * Installed before the plan is read, so that a signal during start-up is not lost: it stops the run as soon as
   * {@link #attach} hands over the run (every task then reported as not run).
   */
  static SignalHandling install() {
    SignalHandling s = new SignalHandling();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal sig = new Signal(name);
        s.restore.add(new Restore(sig, Signal.handle(sig, x -> s.onSignal(name))));
      } catch (IllegalArgumentException | LinkageError e) {
        // not supported here (or used by the JVM, e.g. under -Xrs): the shutdown hook below still stops the run
      }
    }
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** The run to stop; a signal that came before it is applied now. */
  synchronized void attach(RunController c) {
    this.controller = c;
    if (received != null) {
      c.interrupt(StopReason.SIGNAL);
    }
  }

  /** The started run, for the shutdown hook to wait on. */
  void attachHandle(RunHandle h) {
    this.handle = h;
  }

  private synchronized void onSignal(String name) {
    if (received == null) {
      received = name;
      signalledAt = System.nanoTime();
    }
    if (controller != null) {
      controller.interrupt(StopReason.SIGNAL);
    }
  }

  /** A shutdown we did not start (signal without handler, console close): stop and give the report time. */
  private void onShutdown() {
    RunController c = controller;
    RunHandle h = handle;
    if (c == null || h == null || h.isDone()) {
      return;
    }
    if (received == null) {
      received = "TERM";
    }
    c.interrupt(StopReason.SIGNAL);
    try {
      h.await(HOOK_WAIT);
    } catch (InterruptedException | RuntimeException ignored) {
      // exiting anyway
    }
  }

  /** 130 for SIGINT, 143 for SIGTERM when a signal stopped the run; {@code normal} otherwise. */
  int exitCode(RunOutcome outcome, int normal) {
    if (received == null || outcome == null || outcome.stopReason() != StopReason.SIGNAL) {
      return normal;
    }
    return signalExitCode();
  }

  int signalExitCode() {
    return "INT".equals(received) ? ExitCodes.SIGINT : ExitCodes.SIGTERM;
  }

  /**
   * Waits for the run; once a signal has come, at most {@link #STOP_GRACE} more, so that a run stuck anywhere
   * still lets the process end (null then). A defect surfaces as {@link servicerunner.run.EngineFailedException}.
   */
  RunOutcome awaitBounded(RunHandle h) throws InterruptedException {
    while (true) {
      long signalledAt = this.signalledAt;
      Duration wait = signalledAt == 0 ? POLL
          : STOP_GRACE.minusNanos(System.nanoTime() - signalledAt);
      if (signalledAt != 0 && wait.isNegative()) {
        return h.await(Duration.ZERO).orElse(null);
      }
      Optional<RunOutcome> o = h.await(wait.compareTo(POLL) > 0 ? POLL : wait);
      if (o.isPresent()) {
        return o.get();
      }
    }
  }

  @Override
  public void close() {
    for (Restore r : restore) {
      try {
        Signal.handle(r.signal(), r.previous());
      } catch (IllegalArgumentException ignored) {
        // keep ours
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ignored) {
      // already shutting down: the hook sees the run is done and returns
    }
  }
}
