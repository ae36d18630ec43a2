package servicerunner.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import servicerunner.exec.CancelToken;
import servicerunner.plan.PreparedTask;
import servicerunner.exec.OutputListener;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.exec.Termination;
import servicerunner.param.Params;
import servicerunner.progress.ProgressParser;
import servicerunner.progress.ProgressSource;
import servicerunner.progress.TaskProgress;
import servicerunner.task.TaskCancelledException;
import servicerunner.task.TaskContext;

/**
 * The engine's {@link TaskContext}: applies the task's timeout, forwarding and cancellation to every process, and
 * feeds every output line to the task's {@link TaskProgress} (its type's parser, the rate limit and the heartbeat).
 */
final class EngineTaskContext implements TaskContext {
  private final PreparedTask task;
  private final RunObserver observer;
  private final RunOptions options;
  private final CancelToken token;
  private final OutputForwarder forwarder;
  private final TaskProgress progress;
  private final long startNanos = System.nanoTime();
  private Path scratch;

  EngineTaskContext(PreparedTask task, RunObserver observer, RunOptions options, CancelToken token) {
    this.task = task;
    this.observer = observer;
    this.options = options;
    this.token = token;
    this.forwarder = new OutputForwarder(observer, task.spec().index(), task.spec().type(), options.forwardLimits());
    ProgressSource source = task.type() == null ? null : task.type().declaration().progress();
    int i = task.spec().index();
    String type = task.spec().type();
    this.progress = new TaskProgress(parser(source, task), options.heartbeat(), options.progressClock(),
        e -> observer.taskProgress(i, type, e));
  }

  /** The type's progress parser for this task; progress is an extra, so a parser that cannot start gives none. */
  private static ProgressParser parser(ProgressSource source, PreparedTask task) {
    try {
      return source == null ? null : source.parser(task.params());
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public int index() {
    return task.spec().index();
  }

  @Override
  public Params params() {
    return task.params();
  }

  @Override
  public Platform platform() {
    return Platform.current();
  }

  @Override
  public ProcessResult run(ProcessSpec spec) {
    checkCancelled();
    progress.begin();
    ProcessSpec effective = spec;
    if (task.timeout() != null) {
      // Duration arithmetic, not nanoTime + toNanos: a plan's huge timeout must not overflow into the past
      Duration left = task.timeout().minusNanos(System.nanoTime() - startNanos);
      left = left.isNegative() ? Duration.ZERO : left;
      if (spec.timeout() == null || spec.timeout().compareTo(left) > 0) {
        effective = effective.withTimeout(left);
      }
    }
    if (spec.idleTimeout() == null && task.spec().idleTimeout() != null) {
      effective = effective.withIdleTimeout(task.spec().idleTimeout());
    }
    boolean forward = spec.forwardOutput() && task.spec().streamOutput();
    ProcessResult r;
    try {
      r = options.processRunner().run(effective, listener(forward ? forwarder : OutputListener.NONE, spec), token);
    } finally {
      progress.processEnded();
    }
    // the one late-cancel rule: a tool that exited before the cancel took effect keeps its result; the cancel
    // then applies at the task's next step (its next process or checkCancelled)
    if (r.termination() == Termination.CANCELLED) {
      throw new TaskCancelledException(token.reason() == null ? RunController.SKIP_REASON : token.reason());
    }
    return r;
  }

  /** Lines go to the live log (when forwarded) and, all of them, to the progress parser. */
  private OutputListener listener(OutputListener forward, ProcessSpec spec) {
    return new OutputListener() {
      @Override
      public void onLine(Stream stream, String line) {
        try {
          forward.onLine(stream, line);
        } finally {
          progress.line(line);
        }
      }

      @Override
      public void started(Process process) {
        progress.processStarted(process::toHandle, spec.argv());
      }
    };
  }

  @Override
  public void log(String line) {
    progress.begin();
    observer.taskOutput(index(), task.spec().type(), line);
  }

  @Override
  public String env(String name) {
    return System.getenv(name);
  }

  @Override
  public Path scratchDir() {
    if (scratch == null) {
      try {
        scratch = Files.createTempDirectory(options.scratchRoot(), "service-runner-" + index() + "-");
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a scratch folder: " + e.getMessage(), e);
      }
    }
    return scratch;
  }

  @Override
  public void checkCancelled() {
    progress.begin();
    if (token.isCancelled()) {
      throw new TaskCancelledException(token.reason());
    }
  }

  void finish() {
    progress.close(); // before the end marker: no TASK_PROGRESS after it
    forwarder.finish();
    if (scratch != null) {
      try (var walk = Files.walk(scratch)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp folder is harmless
      }
    }
  }
}
