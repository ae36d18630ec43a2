package servicerunner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.environment.EnvironmentUtils;

/**
 * The one process layer every task type uses. Launch is commons-exec (argv added with quoting off); timeouts, idle
 * timeouts and cancellation end the whole tree (see {@link ProcessTreeKiller}); output is pumped, decoded, split into
 * lines and captured with a bound; the exit code always comes from the process.
 */
public final class ProcessRunner {
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);
  private static final Duration CANCEL_GRACE = Duration.ofMillis(300);
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(daemon("sr-proc"));
  private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(daemon("sr-watch"));
  private static final Set<Running> LIVE = ConcurrentHashMap.newKeySet();

  private final Duration killGrace;
  private final Duration drainTimeout;
  private final int captureLimit;

  public ProcessRunner() {
    this(Duration.ofSeconds(2), Duration.ofSeconds(2), BoundedCapture.DEFAULT_LIMIT);
  }

  public ProcessRunner(Duration killGrace, Duration drainTimeout, int captureLimit) {
    this.killGrace = killGrace;
    this.drainTimeout = drainTimeout;
    this.captureLimit = captureLimit;
  }

  /** Ends every process tree still running (for shutdown on a signal). */
  public static void killAllLive(Duration grace) {
    for (Running r : LIVE) {
      r.end(Termination.CANCELLED, grace);
    }
  }

  /** Ends what finished tools left behind now, instead of in the background; call before exiting. */
  public static void awaitCleanup(Duration max) {
    Future<?> f = THREADS.submit(ProcessTreeKiller::sweepNow);
    try {
      f.get(max.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // best effort
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public ProcessResult run(ProcessSpec spec, OutputListener listener, CancelToken token) {
    long startNanos = System.nanoTime();
    if (token != null && token.isCancelled()) {
      return notStarted(spec, Termination.CANCELLED, "cancelled before start", startNanos);
    }
    if (spec.cwd() != null && !Files.isDirectory(spec.cwd())) {
      return notStarted(spec, Termination.LAUNCH_FAILED, "working folder does not exist: " + spec.cwd(), startNanos);
    }
    Optional<Path> exe = ExecutableResolver.resolve(spec.argv().get(0), spec.cwd());
    if (exe.isEmpty()) {
      return notStarted(spec, Termination.LAUNCH_FAILED, "executable not found", startNanos);
    }
    Running running = new Running(spec, listener == null ? OutputListener.NONE : listener, startNanos);
    // A cancel is a user skip or a stop: the app promises "immediately", so a tool that ignores SIGTERM gets a
    // short grace before SIGKILL, not the timeout's.
    Runnable onCancel = () -> THREADS.execute(() -> running.end(Termination.CANCELLED, cancelGrace()));
    if (token != null) {
      token.onCancel(onCancel);
    }
    LIVE.add(running);
    try {
      return running.execute(exe.get());
    } finally {
      LIVE.remove(running);
      if (token != null) {
        token.removeCallback(onCancel);
      }
    }
  }

  private Duration cancelGrace() {
    return killGrace.compareTo(CANCEL_GRACE) < 0 ? killGrace : CANCEL_GRACE;
  }

  private static ProcessResult notStarted(ProcessSpec spec, Termination why, String message, long startNanos) {
    CapturedOutput none = CapturedOutput.empty(StandardCharsets.UTF_8);
    return new ProcessResult(
        spec.argv(), null, why, Duration.ofNanos(System.nanoTime() - startNanos), none, none, false, message);
  }

  /** State of one launched process: its handle, why it ended, and its output pumps. */
  private final class Running extends DefaultExecutor implements ExecuteStreamHandler {
    private final ProcessSpec spec;
    private final OutputListener listener;
    private final long startNanos;
    private final AtomicReference<Termination> endReason = new AtomicReference<>();
    private final AtomicLong lastOutputNanos;
    private final AtomicBoolean drainTimedOut = new AtomicBoolean();
    private final BoundedCapture outCapture = new BoundedCapture(captureLimit);
    private final BoundedCapture errCapture = new BoundedCapture(captureLimit);
    private volatile Process process;
    private volatile boolean ownSession;
    private LineDecoder outDecoder;
    private LineDecoder errDecoder;
    private OutputStream stdinStream;
    private InputStream stdoutStream;
    private InputStream stderrStream;
    private Future<?> outPump;
    private Future<?> errPump;

    @SuppressWarnings("deprecation") // the builder's constructor is not visible to subclasses
    Running(ProcessSpec spec, OutputListener listener, long startNanos) {
      this.spec = spec;
      this.listener = listener;
      this.startNanos = startNanos;
      this.lastOutputNanos = new AtomicLong(startNanos);
      setStreamHandler(this);
      setExitValues(null); // every exit code is a result, not an exception
    }

    ProcessResult execute(Path exe) {
      CommandLine cmd;
      ownSession = Platform.current() == Platform.LINUX && Files.isExecutable(SETSID);
      if (ownSession) {
        // setsid execs the tool in the same pid, as leader of a new process group, so that a grandchild that
        // outlives its parent can still be found and ended by group id.
        cmd = new CommandLine(SETSID.toString());
        cmd.addArgument(exe.toString(), false);
      } else {
        cmd = new CommandLine(exe.toString());
      }
      for (String arg : spec.argv().subList(1, spec.argv().size())) {
        cmd.addArgument(arg, false);
      }
      if (spec.cwd() != null) {
        setWorkingDirectory(spec.cwd().toFile());
      }
      ScheduledFuture<?> watcher =
          WATCH.scheduleAtFixedRate(this::check, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      Integer exit = null;
      String launchError = null;
      try {
        exit = execute(cmd, environment());
      } catch (IOException e) {
        if (process == null) {
          endReason.compareAndSet(null, Termination.LAUNCH_FAILED);
          launchError = String.valueOf(e.getMessage());
        } else if (process.isAlive() || !process.toHandle().isAlive()) {
          exit = exitOf(process);
        }
      } finally {
        watcher.cancel(false);
      }
      if (process != null && exit == null) {
        exit = exitOf(process);
      }
      if (process != null && ownSession) {
        ProcessTreeKiller.sweepGroupLater(process.pid(), WATCH, THREADS);
      }
      Termination why = endReason.get() == null ? Termination.EXITED : endReason.get();
      return new ProcessResult(
          spec.argv(),
          why == Termination.LAUNCH_FAILED ? null : exit,
          why,
          Duration.ofNanos(System.nanoTime() - startNanos),
          outCapture.snapshot(charsetOf(outDecoder)),
          errCapture.snapshot(charsetOf(errDecoder)),
          drainTimedOut.get(),
          launchError);
    }

    private Map<String, String> environment() throws IOException {
      if (spec.env().isEmpty()) {
        return null; // inherit
      }
      Map<String, String> env = new HashMap<>(EnvironmentUtils.getProcEnvironment());
      env.putAll(spec.env());
      return env;
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, Path dir) throws IOException {
      Process p = super.launch(command, env, dir);
      process = p;
      if (endReason.get() != null) {
        THREADS.execute(() -> killTree(killGrace)); // cancelled while launching
      }
      return p;
    }

    private void check() {
      long now = System.nanoTime();
      if (spec.timeout() != null && now - startNanos >= spec.timeout().toNanos()) {
        end(Termination.TIMEOUT, killGrace);
      } else if (spec.idleTimeout() != null && now - lastOutputNanos.get() >= spec.idleTimeout().toNanos()) {
        end(Termination.IDLE_TIMEOUT, killGrace);
      }
    }

    /** Records the first reason and ends the tree; later calls do nothing. */
    void end(Termination why, Duration grace) {
      if (endReason.compareAndSet(null, why)) {
        killTree(grace);
      }
    }

    private void killTree(Duration grace) {
      Process p = process;
      if (p != null) {
        ProcessTreeKiller.kill(p.toHandle(), ownSession ? p.pid() : -1, grace);
      }
    }

    // --- ExecuteStreamHandler: commons-exec hands us the pipes, we pump them ---

    @Override
    public void setProcessInputStream(OutputStream os) {
      stdinStream = os;
    }

    @Override
    public void setProcessOutputStream(InputStream is) {
      stdoutStream = is;
    }

    @Override
    public void setProcessErrorStream(InputStream is) {
      stderrStream = is;
    }

    @Override
    public void start() {
      outDecoder = new LineDecoder(spec.encoding(), line -> deliver(OutputListener.Stream.STDOUT, line));
      errDecoder = new LineDecoder(spec.encoding(), line -> deliver(OutputListener.Stream.STDERR, line));
      outPump = THREADS.submit(() -> pump(stdoutStream, outDecoder, outCapture));
      errPump = THREADS.submit(() -> pump(stderrStream, errDecoder, errCapture));
      String text = spec.stdin();
      if (text == null) {
        closeQuietly(stdinStream);
      } else {
        THREADS.execute(
            () -> {
              try (OutputStream os = stdinStream) {
                os.write(text.getBytes(StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // the tool closed its stdin early; nothing to deliver
              }
            });
      }
    }

    private void deliver(OutputListener.Stream stream, String line) {
      try {
        listener.onLine(stream, line);
      } catch (RuntimeException e) {
        // a failing consumer must not stop the pump: the child would block on a full pipe
      }
    }

    private void pump(InputStream in, LineDecoder decoder, BoundedCapture capture) {
      byte[] buf = new byte[16 * 1024];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          lastOutputNanos.set(System.nanoTime());
          capture.add(buf, 0, n);
          decoder.feed(buf, 0, n);
        }
      } catch (IOException ignored) {
        // pipe closed under us: the output read so far stands
      }
      decoder.finish();
    }

    /** Called by commons-exec after the process ended: wait for the pumps, but never forever. */
    @Override
    public void stop() {
      long deadline = System.nanoTime() + drainTimeout.toNanos();
      if (!awaitPumps(deadline)) {
        drainTimedOut.set(true);
        // a descendant still holds the pipe after the child ended: end it, then read what is left
        killTree(Duration.ofMillis(200));
        awaitPumps(System.nanoTime() + Duration.ofSeconds(1).toNanos());
      }
    }

    private boolean awaitPumps(long deadlineNanos) {
      for (Future<?> f : new Future<?>[] {outPump, errPump}) {
        try {
          f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        } catch (ExecutionException e) {
          // a listener threw: the output is still captured
        }
      }
      return true;
    }
  }

  private static java.nio.charset.Charset charsetOf(LineDecoder d) {
    return d == null || d.charset() == null ? StandardCharsets.UTF_8 : d.charset();
  }

  private static Integer exitOf(Process p) {
    try {
      return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
