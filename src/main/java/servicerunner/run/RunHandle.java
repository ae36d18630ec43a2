package servicerunner.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running plan: await it, steer it through its controller, or cancel it. A defect that ended the run makes the
 * waits throw {@link EngineFailedException} (never a wait that does not end).
 */
public final class RunHandle {
  private final RunController controller;
  private final CompletableFuture<RunOutcome> done = new CompletableFuture<>();

  RunHandle(RunController controller) {
    this.controller = controller;
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
