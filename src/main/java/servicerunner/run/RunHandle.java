package servicerunner.run;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running plan: see every task's state, await it, steer it, or cancel it. A defect that ended the run makes the
 * waits throw {@link EngineFailedException} (never a wait that does not end). {@link #close} stops the run and waits
 * for its end, so try-with-resources never leaves a tool running.
 */
public final class RunHandle implements AutoCloseable {
  private final RunController controller;
  private final Supplier<List<TaskState>> snapshot;
  private final CompletableFuture<RunOutcome> done = new CompletableFuture<>();

  RunHandle(RunController controller, Supplier<List<TaskState>> snapshot) {
    this.controller = controller;
    this.snapshot = snapshot;
  }

  /** Every task's state now, in plan order: pending, waiting (and for what), running, ended (and how). */
  public List<TaskState> snapshot() {
    return snapshot.get();
  }

  /** Skips task {@code index}: a running one's tree ends, a waiting one never starts; false if it already ended. */
  public boolean skip(int index) {
    return controller.skip(index);
  }

  /** Starts nothing new; running tasks finish, then RUN_PAUSED. */
  public void pause() {
    controller.pause();
  }

  public boolean resume() {
    return controller.resume();
  }

  /** Starts nothing new and lets running tasks finish; a second call ends them. */
  public void stop() {
    controller.stop(false);
  }

  /** Stops the run at once (every running tree ends) and waits for its outcome. */
  @Override
  public void close() {
    if (done.isDone()) {
      return;
    }
    controller.stop(true);
    boolean interrupted = false;
    while (true) {
      try {
        done.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        break; // the failure is the waiters' to see; closing only waits
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  void complete(RunOutcome outcome) {
    done.complete(outcome);
  }

  void fail(EngineFailedException e) {
    done.completeExceptionally(e);
  }

  public RunController controller() {
    return controller;
  }

  /** The run's future, for chaining; completes exceptionally with {@link EngineFailedException}. */
  public CompletableFuture<RunOutcome> future() {
    return done.copy();
  }

  /** Waits for the end of the run; empty if it did not end in time. */
  public Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(done.get(saturatedNanos(timeout), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  public RunOutcome await() throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Ends the running task's process tree and stops the run; the outcome is still produced. */
  public void cancel() {
    controller.interrupt(StopReason.CANCELLED);
  }

  public boolean isDone() {
    return done.isDone();
  }

  private static RuntimeException unwrap(ExecutionException e) {
    return e.getCause() instanceof EngineFailedException
        ? (EngineFailedException) e.getCause() : new EngineFailedException(null, e.getCause());
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
