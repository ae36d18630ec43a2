package servicerunner.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import servicerunner.exec.CancelToken;

/**
 * The run's control state, shared by the engine thread and whoever steers the run (the control-file watcher, a
 * signal handler, a library caller). Requests are recorded at once; the engine acts on them at the points the app's
 * texts promise: skip ends the running task now, stop and pause take effect after the current task.
 */
public final class RunController {
  public static final String SKIP_REASON = "User requested skip";
  public static final String STOP_REASON = "Run stopped by user";
  public static final String INTERRUPT_REASON = "Interrupted";

  /** What the engine does before the next task. */
  public enum Decision {
    RUN,
    SKIP,
    STOP
  }

  private final RunObserver observer;
  private CancelToken current;
  private boolean pendingSkip;
  private boolean pauseRequested;
  private boolean paused;
  private boolean resumeRequested;
  private StopReason stopReason;
  private String failedTask;
  private boolean ended;

  public RunController(RunObserver observer) {
    this.observer = observer;
  }

  // --- requests (any thread) ---

  /**
   * Skip: ends the running task's tree now; between tasks it applies to the next task. Returns false, doing
   * nothing, once the last task has ended (there is no next task to skip).
   */
  public boolean skip() {
    CancelToken t;
    synchronized (this) {
      if (ended) {
        return false;
      }
      t = current;
      if (t == null) {
        pendingSkip = true;
        // said under the lock, so that the line comes before the TASK_SKIP it causes
        observer.log("Skip requested between tasks: the next task will be skipped");
        return true;
      }
    }
    t.cancel(SKIP_REASON);
    return true;
  }

  /** Stop after the current task; a second stop (or force) also ends the running task now. */
  public void stop(boolean force) {
    CancelToken t;
    boolean second;
    synchronized (this) {
      second = stopReason != null;
      if (stopReason == null) {
        stopReason = StopReason.USER_REQUESTED;
      }
      t = current;
      notifyAll();
    }
    if (t != null && (force || second)) {
      observer.log(second ? "Stop requested again: ending the current task now" : "Stop requested with force: ending the current task now");
      t.cancel(STOP_REASON);
    } else if (t != null) {
      observer.log("Stop requested: the current task finishes, then the run stops");
    }
  }

  public void pause() {
    boolean running;
    synchronized (this) {
      if (paused || pauseRequested) {
        return;
      }
      pauseRequested = true;
      running = current != null;
      notifyAll();
    }
    if (running) {
      observer.log("Pause requested: the run pauses after the current task");
    }
  }

  /** Resume a paused run; returns false (and changes nothing) when the run is not paused. */
  public boolean resume() {
    synchronized (this) {
      if (!paused && !pauseRequested) {
        return false;
      }
      if (pauseRequested && !paused) {
        pauseRequested = false; // resumed before the pause took effect
        return true;
      }
      resumeRequested = true;
      notifyAll();
      return true;
    }
  }

  /** A signal, a closed output, a cancel: end the running task now and stop. */
  public void interrupt(StopReason reason) {
    CancelToken t;
    synchronized (this) {
      if (stopReason == null || stopReason == StopReason.USER_REQUESTED) {
        stopReason = reason; // the first fault names the stop; a user stop is overruled by a signal
      }
      t = current;
      notifyAll();
    }
    if (t != null) {
      t.cancel(INTERRUPT_REASON);
    }
  }

  /**
   * A task whose {@code on_failure} is {@code stop} failed: the run stops as after a user stop, unless something
   * stopped it already. {@code task} names it for the tasks never reached ({@code task 2 (system_restore)}).
   */
  void stopAfterFailure(String task) {
    synchronized (this) {
      if (stopReason == null) {
        stopReason = StopReason.TASK_FAILED;
        failedTask = task;
      }
      notifyAll();
    }
  }

  /** The task named by {@link #stopAfterFailure} when the stop reason is {@link StopReason#TASK_FAILED}. */
  synchronized String failedTask() {
    return failedTask;
  }

  /**
   * Waits out the delay before a retry. Returns false at once when a skip, a stop or a signal comes: the task
   * must end now rather than after the delay.
   */
  boolean awaitRetryDelay(CancelToken token, Duration delay) throws InterruptedException {
    Runnable wake = () -> {
      synchronized (this) {
        notifyAll();
      }
    };
    token.onCancel(wake);
    try {
      long deadline = System.nanoTime() + delay.toNanos(); // a delay is at most an hour (Retry.MAX_DELAY)
      synchronized (this) {
        while (!token.isCancelled() && stopReason == null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return true;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return false;
      }
    } finally {
      token.removeCallback(wake);
    }
  }

  /** Whether the last task has ended (a skip or pause now changes nothing). */
  public synchronized boolean ended() {
    return ended;
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  public synchronized StopReason stopReason() {
    return stopReason;
  }

  // --- engine side ---

  synchronized CancelToken taskStarting() {
    current = new CancelToken();
    return current;
  }

  synchronized void taskEnded() {
    current = null;
  }

  /** No task will start any more: requests from now on change nothing. */
  synchronized void runEnded() {
    ended = true;
    pendingSkip = false;
  }

  /** Before a task: honour a stop, a pending pause (waiting here), or a skip pressed between tasks. */
  Decision beforeTask() throws InterruptedException {
    if (awaitIfPaused("user_requested")) {
      return Decision.STOP;
    }
    synchronized (this) {
      if (stopReason != null) {
        return Decision.STOP;
      }
      if (pendingSkip) {
        pendingSkip = false;
        return Decision.SKIP;
      }
      return Decision.RUN;
    }
  }

  /**
   * After a task: pause if the user asked (or between tasks when auto-pause is on and this was not the last task).
   * Returns true when the run must stop.
   */
  boolean afterTask(boolean last, boolean autoPause) throws InterruptedException {
    synchronized (this) {
      if (stopReason != null) {
        return true;
      }
      if (!pauseRequested && autoPause && !last) {
        pauseRequested = true;
        return awaitIfPausedLocked("auto_pause_between_tasks");
      }
    }
    return awaitIfPaused("user_requested");
  }

  private boolean awaitIfPaused(String reason) throws InterruptedException {
    synchronized (this) {
      return awaitIfPausedLocked(reason);
    }
  }

  /** Must hold the lock. Announces every pause it enters; returns true when a stop ended the pause. */
  private boolean awaitIfPausedLocked(String reason) throws InterruptedException {
    if (!pauseRequested || stopReason != null) {
      return stopReason != null;
    }
    pauseRequested = false;
    paused = true;
    resumeRequested = false;
    observer.runPaused(reason);
    try {
      while (!resumeRequested && stopReason == null) {
        wait();
      }
    } finally {
      paused = false;
    }
    if (stopReason != null) {
      return true;
    }
    resumeRequested = false;
    observer.runResumed("user_requested");
    return false;
  }
}
