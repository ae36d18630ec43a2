package servicerunner.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one process layer every task type uses.
 *
 * <pre>{@code
 * try (ProcessRunner runner = new ProcessRunner()) {
 *   ProcessResult r = runner.run(
 *       ProcessSpec.of("sh", "-c", "echo hi").withTimeout(Duration.ofSeconds(5)),
 *       (stream, line) -> System.err.println(line), // stdout carries the runner's report alone
 *       new CancelToken());
 *   if (r.exitedWith(0)) { ... } else { System.err.println(r.describe()); }
 * }
 * }</pre>
 *
 * One run is put together from one class per concern, as commons-exec splits its executor: {@link Launcher} starts
 * the tool (argv never shell-parsed, own session on Linux, extra environment), {@link DecodingStreamHandler} pumps,
 * decodes and captures its output, {@link TreeWatchdog} turns a timeout, an idle timeout, a cancel or a failed watch
 * into one {@link Termination}, and {@link ProcessTreeKiller} ends the whole tree and sweeps what a finished tool left
 * behind. The exit code always comes from the process.
 *
 * <p>A runner owns its threads and the leftovers it still has to sweep; {@link #close()} ends them. {@link #shared()}
 * is the JVM's default instance for callers that do not own one; it is never closed.
 */
public final class ProcessRunner implements AutoCloseable {
  /** Name prefix of the timer thread that runs every watch of this runner (tests recognise it by this). */
  static final String WATCH_THREAD = "sr-watch";

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);
  private static final Duration CANCEL_GRACE = Duration.ofMillis(300);
  private static final Duration HOLDER_GRACE = Duration.ofMillis(200);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
  /** What commons-exec returns when its wait for the process was interrupted. */
  private static final int NO_EXIT_VALUE = org.apache.commons.exec.Executor.INVALID_EXITVALUE;

  private final Duration killGrace;
  private final Duration drainTimeout;
  private final int captureLimit;
  private final LongSupplier clock;
  private final ThreadFactory workerThreads = daemon("sr-proc");
  private final ExecutorService workers = Executors.newCachedThreadPool(workerThreads);
  /** The workers; a run that {@link #close()} cancelled while it launched still gets threads to read and kill it. */
  private final Executor work = this::onWorker;
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(WATCH_THREAD));
  private final ProcessTreeKiller killer = new ProcessTreeKiller(timer, workers);
  private final Set<TreeWatchdog> live = ConcurrentHashMap.newKeySet();
  private final boolean closeable;
  private final TreeGuard guard; // null: the platform's (TreeGuard.current(), probed at the first run)
  private final Runnable launching; // runs just before each launch; tests close the runner there
  private volatile boolean closed;

  public ProcessRunner() {
    this(Duration.ofSeconds(2), Duration.ofSeconds(2), BoundedCapture.DEFAULT_LIMIT);
  }

  public ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit) {
    this(killGrace, drainTimeout, captureLimit, System::nanoTime, true);
  }

  /** With the clock every timeout is measured by (tests inject one that fails). */
  ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit, LongSupplier clock) {
    this(killGrace, drainTimeout, captureLimit, clock, true, null, () -> {});
  }

  /** With a given tree guard instead of the platform's (tests of each guard's behaviour). */
  ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit, TreeGuard guard) {
    this(killGrace, drainTimeout, captureLimit, System::nanoTime, true, guard, () -> {});
  }

  /** With a step run just before each launch, after the run registered (tests close the runner there). */
  ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit, Runnable launching) {
    this(killGrace, drainTimeout, captureLimit, System::nanoTime, true, null, launching);
  }

  private ProcessRunner(
      Duration killGrace, Duration drainTimeout, int captureLimit, LongSupplier clock, boolean closeable) {
    this(killGrace, drainTimeout, captureLimit, clock, closeable, null, () -> {});
  }

  private ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit, LongSupplier clock,
      boolean closeable, TreeGuard guard, Runnable launching) {
    this.guard = guard;
    this.launching = launching;
    this.killGrace = killGrace;
    this.drainTimeout = drainTimeout;
    this.captureLimit = captureLimit;
    this.clock = clock;
    this.closeable = closeable;
    timer.setRemoveOnCancelPolicy(true); // a finished run's watch leaves the queue at once
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true); // an idle runner that nobody closed holds no thread
  }

  private static final class Shared {
    static final ProcessRunner INSTANCE =
        new ProcessRunner(
            Duration.ofSeconds(2), Duration.ofSeconds(2), BoundedCapture.DEFAULT_LIMIT, System::nanoTime, false);
  }

  /** The JVM's default runner, for callers that do not own one. Never closed. */
  public static ProcessRunner shared() {
    return Shared.INSTANCE;
  }

  /** Ends what tools run by {@link #shared()} left behind now, instead of in the background; call before exiting. */
  public static void awaitCleanup(Duration max) {
    shared().sweepLeftovers(max);
  }

  /** Ends what finished tools of this runner left behind now, waiting at most {@code max}. */
  public void sweepLeftovers(Duration max) {
    Future<?> f;
    try {
      f = workers.submit(killer::sweepNow);
    } catch (RejectedExecutionException closedAlready) {
      return;
    }
    try {
      f.get(Durations.nanos(max), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // best effort
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Cancels the runs still going, sweeps leftovers and stops this runner's threads. Call it after the last run
   * returned; {@link #run} afterwards throws. The {@link #shared()} runner refuses to close.
   */
  @Override
  public void close() {
    if (!closeable) {
      throw new IllegalStateException("the shared process runner is never closed");
    }
    if (closed) {
      return;
    }
    closed = true;
    for (TreeWatchdog w : live) {
      w.cancel(cancelGrace());
    }
    sweepLeftovers(CLOSE_WAIT);
    timer.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(Durations.plus(Durations.nanos(killGrace), Durations.nanos(CLOSE_WAIT)), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public ProcessResult run(ProcessSpec spec, OutputListener listener, CancelToken token) {
    if (closed) {
      throw new IllegalStateException("process runner is closed");
    }
    long startNanos = clock.getAsLong();
    if (token != null && token.isCancelled()) {
      return notStarted(spec, Termination.CANCELLED, "cancelled before start", startNanos);
    }
    if (spec.cwd() != null && !Files.isDirectory(spec.cwd())) {
      return notStarted(spec, Termination.LAUNCH_FAILED, "working folder does not exist: " + spec.cwd(), startNanos);
    }
    String name = spec.argv().get(0);
    Optional<Path> exe = ExecutableResolver.resolve(name, spec.cwd());
    if (exe.isEmpty()) {
      return ExecutableResolver.isThere(name, spec.cwd())
          ? notStarted(spec, Termination.LAUNCH_FAILED, name + " is not an executable file", startNanos)
          : notStarted(spec, Termination.NOT_FOUND, ExecutableResolver.missing(name), startNanos);
    }
    Launcher launcher = guard == null ? Launcher.forThisPlatform() : new Launcher(guard);
    AtomicReference<Process> root = new AtomicReference<>();
    Consumer<Duration> killTree =
        grace -> {
          Process p = root.get();
          if (p != null) {
            killer.kill(p.toHandle(), launcher.ownSession() ? p.pid() : -1, grace, launcher.root());
          }
        };
    AtomicLong lastOutput = new AtomicLong(startNanos);
    TreeWatchdog watchdog =
        new TreeWatchdog(
            new TreeWatchdog.Limits(spec.timeout(), spec.idleTimeout(), killGrace, WATCH_INTERVAL),
            clock,
            startNanos,
            lastOutput::get,
            timer,
            work,
            killTree);
    DecodingStreamHandler streams =
        new DecodingStreamHandler(
            spec.encoding(),
            spec.stdin(),
            listener == null ? OutputListener.NONE : listener,
            captureLimit,
            work,
            drainTimeout,
            () -> lastOutput.set(clock.getAsLong()),
            watchdog::stop,
            () -> killTree.accept(HOLDER_GRACE));
    // A cancel is a user skip or a stop: the app promises "immediately", so a tool that ignores SIGTERM gets a short
    // grace before SIGKILL, not the timeout's. One that comes after the exit only stops the wait for leftover output.
    Runnable onCancel =
        () -> {
          if (!watchdog.cancel(cancelGrace())) {
            streams.cutShort();
          }
        };
    if (token != null) {
      token.onCancel(onCancel);
    }
    // Registered before it reads closed, as close() sets closed before it cancels what is registered: a run either
    // is cancelled by close() or sees that it closed, and then starts nothing.
    live.add(watchdog);
    Integer exit = null;
    String launchError = null;
    try {
      if (closed) {
        watchdog.cancel(cancelGrace());
        return result(spec, null, null, null, watchdog, streams, launcher, startNanos);
      }
      launching.run();
      exit =
          launcher.execute(
              exe.get(),
              spec.argv().subList(1, spec.argv().size()),
              spec.env(),
              spec.cwd(),
              streams,
              workerThreads,
              p -> {
                root.set(p);
                watchdog.start(p);
                if (listener != null) {
                  try {
                    listener.started(p);
                  } catch (RuntimeException e) {
                    // progress is an extra: its failure must not leave the tool unwatched
                  }
                }
              });
    } catch (IOException e) {
      launchError = String.valueOf(e.getMessage());
    } finally {
      watchdog.stop();
      live.remove(watchdog);
      if (token != null) {
        token.removeCallback(onCancel);
      }
    }
    return result(spec, root.get(), exit, launchError, watchdog, streams, launcher, startNanos);
  }

  private ProcessResult result(
      ProcessSpec spec,
      Process p,
      Integer exit,
      String launchError,
      TreeWatchdog watchdog,
      DecodingStreamHandler streams,
      Launcher launcher,
      long startNanos) {
    Termination why = watchdog.termination();
    if (p == null) {
      if (why != null) {
        return notStarted(spec, why, null, startNanos); // a cancel that came while launching still reads as one
      }
      return notStarted(
          spec, Termination.LAUNCH_FAILED, launchError == null ? "the process did not start" : launchError, startNanos);
    }
    if (exit == null || exit == NO_EXIT_VALUE) {
      exit = exitOf(p);
    }
    if (launcher.ownSession() && !launcher.namespaced()) {
      killer.sweepGroupLater(p.pid()); // in a namespace the kernel already ended what the tool left behind
    }
    return new ProcessResult(
        spec.argv(),
        exit,
        why == null ? Termination.EXITED : why,
        Duration.ofNanos(clock.getAsLong() - startNanos),
        streams.stdout(),
        streams.stderr(),
        streams.drainTimedOut(),
        why == Termination.WATCH_FAILED ? watchdog.failure() : null);
  }

  /**
   * Hands a task to the workers. close() shuts them down while a run it cancelled may still be starting its output
   * readers or its tree kill; such a run gets a thread of its own, so that it ends as cancelled, with its tree killed,
   * instead of throwing out of {@link #run} and leaving the tool unwatched.
   */
  private void onWorker(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException closing) {
      workerThreads.newThread(task).start();
    }
  }

  private Duration cancelGrace() {
    return killGrace.compareTo(CANCEL_GRACE) < 0 ? killGrace : CANCEL_GRACE;
  }

  private ProcessResult notStarted(ProcessSpec spec, Termination why, String message, long startNanos) {
    CapturedOutput none = CapturedOutput.empty(StandardCharsets.UTF_8);
    return new ProcessResult(
        spec.argv(), null, why, Duration.ofNanos(clock.getAsLong() - startNanos), none, none, false, message);
  }

  private static Integer exitOf(Process p) {
    try {
      return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
