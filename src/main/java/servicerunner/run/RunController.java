package servicerunner.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import servicerunner.exec.CancelToken;

/**
 * The run's control state, shared by the engine and whoever steers the run (the control-file watcher, a signal
 * handler, a library caller). Requests are recorded at once; the engine acts on them at the points the app's texts
 * promise: skip ends the running task now, stop and pause take effect after the current task (in a parallel run:
 * nothing new starts, the running tasks finish). Every request and every task end counts as a change, which a
 * parallel run's dispatcher waits for ({@link #awaitChange}).
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
  /** Running tasks by index, in start order (the last is what the app shows as current). */
  private final Map<Integer, CancelToken> running = new LinkedHashMap<>();
  private final Set<Integer> skipRequested = new HashSet<>();
  private final BitSet settled = new BitSet();
  private long changes;
  private int taskCount = Integer.MAX_VALUE;
  private String pauseReason = "user_requested";
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
      t = lastStarted();
      if (t == null) {
        pendingSkip = true;
        changed();
        // said under the lock, so that the line comes before the TASK_SKIP it causes
        observer.log("Skip requested between tasks: the next task will be skipped");
        return true;
      }
    }
    t.cancel(SKIP_REASON);
    return true;
  }

  /**
   * Skip task {@code index} (plan order): a running one's tree ends now, a waiting one never starts. Returns false,
   * doing nothing, when that task has already ended, is not in the plan, or the run is over.
   */
  public boolean skip(int index) {
    CancelToken t;
    synchronized (this) {
      if (ended || index < 0 || index >= taskCount || settled.get(index)) {
        observer.log("Skip of task " + index + " ignored: " + (ended ? "the run has ended"
            : index < 0 || index >= taskCount ? "the plan has no such task" : "it has already ended"));
        return false;
      }
      t = running.get(index);
      if (t == null) {
        skipRequested.add(index);
        changed();
        observer.log("Skip requested for task " + index + ": it will not start");
        return true;
      }
    }
    t.cancel(SKIP_REASON);
    return true;
  }

  /** Stop after the current task; a second stop (or force) also ends the running task now. */
  public void stop(boolean force) {
    List<CancelToken> tokens;
    boolean second;
    synchronized (this) {
      second = stopReason != null;
      if (stopReason == null) {
        stopReason = StopReason.USER_REQUESTED;
      }
      tokens = new ArrayList<>(running.values());
      changed();
    }
    String what = tokens.size() > 1 ? "the running tasks" : "the current task";
    if (!tokens.isEmpty() && (force || second)) {
      observer.log(second ? "Stop requested again: ending " + what + " now" : "Stop requested with force: ending " + what + " now");
      tokens.forEach(t -> t.cancel(STOP_REASON));
    } else if (!tokens.isEmpty()) {
      observer.log(tokens.size() > 1 ? "Stop requested: the running tasks finish, then the run stops"
          : "Stop requested: the current task finishes, then the run stops");
    }
  }

  public void pause() {
    int busy;
    synchronized (this) {
      if (paused || pauseRequested) {
        return;
      }
      pauseRequested = true;
      pauseReason = "user_requested";
      busy = running.size();
      changed();
    }
    if (busy > 1) {
      observer.log("Pause requested: the running tasks finish, then the run pauses");
    } else if (busy == 1) {
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
      changed();
      return true;
    }
  }

  /** A signal, a closed output, a cancel: end the running task now and stop. */
  public void interrupt(StopReason reason) {
    List<CancelToken> tokens;
    synchronized (this) {
      if (stopReason == null || stopReason == StopReason.USER_REQUESTED) {
        stopReason = reason; // the first fault names the stop; a user stop is overruled by a signal
      }
      tokens = new ArrayList<>(running.values());
      changed();
    }
    tokens.forEach(t -> t.cancel(INTERRUPT_REASON));
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
      changed();
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

  synchronized void taskCount(int n) {
    taskCount = n;
  }

  /** Task {@code index} starts; a skip of it that came just before ends it at its first step. */
  synchronized CancelToken taskStarting(int index) {
    CancelToken t = new CancelToken();
    running.put(index, t);
    if (skipRequested.remove(index)) {
      t.cancel(SKIP_REASON);
    }
    return t;
  }

  synchronized void taskEnded(int index) {
    running.remove(index);
    changed();
  }

  /** Task {@code index} has its result (ran, skipped or not run): a skip of it now changes nothing. */
  synchronized void taskSettled(int index) {
    settled.set(index);
    skipRequested.remove(index);
  }

  /** No task will start any more: requests from now on change nothing. */
  synchronized void runEnded() {
    ended = true;
    pendingSkip = false;
    changed();
  }

  /** Before task {@code index}: honour a stop, a pending pause (waiting here), or a skip of it. */
  Decision beforeTask(int index) throws InterruptedException {
    if (awaitIfPaused("user_requested")) {
      return Decision.STOP;
    }
    synchronized (this) {
      if (stopReason != null) {
        return Decision.STOP;
      }
      return takeSkip(index) ? Decision.SKIP : Decision.RUN;
    }
  }

  /** Whether task {@code index}, about to start, is to be skipped instead (by index, or a skip between tasks). */
  synchronized boolean takeSkip(int index) {
    if (skipRequested.remove(index)) {
      return true;
    }
    if (pendingSkip) {
      pendingSkip = false;
      return true;
    }
    return false;
  }

  /** Waiting tasks a skip by index names, to settle without starting them (parallel runs). */
  synchronized List<Integer> skipsOfWaiting() {
    List<Integer> out = new ArrayList<>(skipRequested);
    out.removeAll(running.keySet());
    out.sort(null);
    return out;
  }

  synchronized boolean pauseRequested() {
    return pauseRequested;
  }

  /** A parallel run with auto-pause: pause once the running tasks have finished. */
  synchronized void requestAutoPause() {
    if (!pauseRequested && !paused) {
      pauseRequested = true;
      pauseReason = "auto_pause_between_tasks";
      changed();
    }
  }

  /** Enters a requested pause (announced) and waits for resume; true when a stop ended it (parallel runs). */
  boolean pauseNow() throws InterruptedException {
    synchronized (this) {
      return awaitIfPausedLocked(pauseReason);
    }
  }

  /** How many requests and task ends there have been: a value to pass to {@link #awaitChange}. */
  synchronized long changes() {
    return changes;
  }

  /** Waits until a request or a task end after {@code seen} (a value of {@link #changes}) and returns the count. */
  synchronized long awaitChange(long seen) throws InterruptedException {
    while (changes == seen) {
      wait();
    }
    return changes;
  }

  /** Wakes {@link #awaitChange} (a parallel run's task thread has recorded its result). */
  synchronized void nudge() {
    changed();
  }

  private void changed() {
    changes++;
    notifyAll();
  }

  private CancelToken lastStarted() {
    CancelToken last = null;
    for (CancelToken t : running.values()) {
      last = t;
    }
    return last;
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
