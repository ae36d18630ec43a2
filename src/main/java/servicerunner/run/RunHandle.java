package servicerunner.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A running plan: await it, steer it through its controller, or cancel it. */
public final class RunHandle {
  private final RunController controller;
  private final CompletableFuture<RunOutcome> done = new CompletableFuture<>();
  private Thread thread;

  RunHandle(RunController controller) {
    this.controller = controller;
  }

  void thread(Thread t) {
    this.thread = t;
  }

  void complete(RunOutcome outcome) {
    done.complete(outcome);
  }

  public RunController controller() {
    return controller;
  }

  /** Waits for the end of the run; empty if it did not end in time. */
  public Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public RunOutcome await() throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Ends the running task's process tree and stops the run; the outcome is still produced. */
  public void cancel() {
    controller.interrupt("cancelled");
  }

  public boolean isDone() {
    return done.isDone();
  }

  Thread thread() {
    return thread;
  }
}
