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
 * SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGALRM (and SIGUSR2 where the JVM does not use it, see runner/service-runner)
 * stop the run the way a fault must: the running process tree is ended, {@code RUN_STOPPED:signal} is emitted, the
 * report is written (stdout and --output-file), and the runner exits 128 + the signal's number (130, 143, ...).
 * The default of each would end the process at once with no report and leave the task's tree running. A shutdown
 * hook backs this up where the handlers cannot be installed, and covers the Windows console close event, which the
 * JVM turns into a shutdown. Installed first thing in main, so that only a signal during the JVM's own start (before
 * main runs) ends the process without a report.
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
  /** The signals handled, in the order tried; a name the platform or the JVM does not allow is left alone. */
  private static final String[] SIGNALS = {"INT", "TERM", "HUP", "USR1", "USR2", "ALRM"};

  private volatile String received;
  private volatile int receivedNumber;
  private volatile long signalledAt;
  private boolean graceStarted;

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
    for (String name : SIGNALS) {
      try {
        Signal sig = new Signal(name);
        s.restore.add(new Restore(sig, Signal.handle(sig, x -> s.onSignal(name, x.getNumber()))));
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

  private synchronized void onSignal(String name, int number) {
    if (received == null) {
      received = name;
      receivedNumber = number;
      signalledAt = System.nanoTime();
    }
    if (controller != null) {
      controller.interrupt(StopReason.SIGNAL);
    } else if (received.equals(name) && signalledAt != 0 && !graceStarted) {
      graceStarted = true;
      Thread t = new Thread(this::endIfNeverAttached, "sr-signal-grace");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * A signal came before the run existed; normally the run starts right after and stops at once with a report. If
   * it never does (the plan is being read from a stdin that never ends), the process still ends: one line on
   * stderr, no report, exit code of the signal.
   */
  private void endIfNeverAttached() {
    try {
      Thread.sleep(STOP_GRACE.toMillis());
    } catch (InterruptedException e) {
      return;
    }
    synchronized (this) {
      if (controller != null) {
        return;
      }
    }
    System.err.println("Stopped by SIG" + received + " before the run started (the plan was still being read);"
        + " no report");
    System.err.flush();
    Runtime.getRuntime().halt(signalExitCode());
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

  /** 128 + the signal's number (130 SIGINT, 143 SIGTERM, ...) when a signal stopped the run; {@code normal} otherwise. */
  int exitCode(RunOutcome outcome, int normal) {
    if (received == null || outcome == null || outcome.stopReason() != StopReason.SIGNAL) {
      return normal;
    }
    return signalExitCode();
  }

  int signalExitCode() {
    if ("INT".equals(received)) {
      return ExitCodes.SIGINT;
    }
    return receivedNumber > 0 && !"TERM".equals(received) ? ExitCodes.SIGNAL_BASE + receivedNumber : ExitCodes.SIGTERM;
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
