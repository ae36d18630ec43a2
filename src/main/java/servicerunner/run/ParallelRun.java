package servicerunner.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.schedule.Scheduler;
import servicerunner.schedule.Wait;

/**
 * A {@code parallel_execution} run: this thread (the engine's) is the dispatcher. It owns the {@link Scheduler},
 * starts each task the scheduler lets start on a thread of its own (which runs {@link RunEngine#runTask} and
 * records the result), and acts on control requests between events: a skip by index settles a waiting task, pause
 * and stop start nothing new and let running tasks finish, a second stop or a signal ends them (the controller
 * cancels every running task). It never waits with a task result unrecorded, so a task that needs another starts
 * only after that one's end marker.
 */
final class ParallelRun {
  private final RunEngine engine;
  private final PreparedPlan plan;
  private final RunController controller;
  private final Scheduler scheduler;
  private final Queue<Integer> finished = new ConcurrentLinkedQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile Throwable failure;

  ParallelRun(RunEngine engine, PreparedPlan plan, RunController controller, int slots) {
    this.engine = engine;
    this.plan = plan;
    this.controller = controller;
    List<Scheduler.Job> jobs = new ArrayList<>();
    for (PreparedTask t : plan.tasks()) {
      jobs.add(new Scheduler.Job(t.spec().index(), t.waitsFor(), t.claims()));
    }
    this.scheduler = new Scheduler(jobs, slots, plan.plan().scheduling().capacities());
  }

  void run() throws InterruptedException {
    boolean done = false;
    try {
      dispatch();
      done = true;
    } finally {
      if (!done) {
        // leaving early (a signal to this thread, a defect): no task may outlive the run or record after its end
        controller.interrupt(StopReason.SIGNAL);
      }
      joinWorkers();
    }
    Throwable f = failure;
    if (f instanceof ObserverFailedException) {
      throw (ObserverFailedException) f;
    }
    if (f instanceof InterruptedException) {
      throw (InterruptedException) f;
    }
    if (f != null) {
      throw new IllegalStateException("a task thread failed: " + f, f);
    }
  }

  private void dispatch() throws InterruptedException {
    for (PreparedTask t : plan.tasks()) {
      if (engine.isResumed(t.spec().index())) {
        engine.recordResumed(t.spec().index());
        scheduler.ended(t.spec().index());
      }
    }
    while (true) {
      long now = controller.changes(); // anything later wakes the wait at the end of this pass
      drainFinished();
      boolean stopping = controller.stopReason() != null || failure != null;
      if (!stopping) {
        skipWaiting();
        if (controller.pauseRequested()) {
          if (scheduler.running().isEmpty() && !scheduler.allEnded()) {
            publishWaits(true); // a snapshot taken while paused shows nothing waiting for a slot
            controller.pauseNow(); // until resume or stop; either way the next pass decides
            continue;
          }
        } else {
          startWhatCan();
        }
      }
      publishWaits(stopping || controller.pauseRequested());
      if (scheduler.running().isEmpty() && (stopping || scheduler.allEnded())) {
        return;
      }
      if (scheduler.running().isEmpty() && !controller.pauseRequested() && finished.isEmpty()) {
        throw new IllegalStateException("nothing runs and nothing can start: " + scheduler.waits());
      }
      controller.awaitChange(now);
    }
  }

  private void drainFinished() {
    Integer i;
    while ((i = finished.poll()) != null) {
      scheduler.ended(i);
      if (plan.plan().pauseBetweenTasks() && !scheduler.allEnded()) {
        controller.requestAutoPause();
      }
    }
  }

  /** Tasks a skip by index names that have not started: settled now, they never start. */
  private void skipWaiting() {
    for (int i : controller.skipsOfWaiting()) {
      if (scheduler.isPending(i)) {
        engine.notRun(plan.tasks().get(i), new Ending.SkippedByUser(RunController.SKIP_REASON, false), true);
        scheduler.ended(i);
      }
    }
  }

  /** Starts every task the scheduler lets start; a task settled at once (skip, no handler) frees its claims. */
  private void startWhatCan() {
    boolean again = true;
    while (again) {
      again = false;
      for (int i : scheduler.next()) {
        PreparedTask task = plan.tasks().get(i);
        if (controller.takeSkip(i)) {
          engine.notRun(task, new Ending.SkippedByUser(RunController.SKIP_REASON, false), true);
        } else if (!engine.settleUnrunnable(task)) {
          start(task);
          continue;
        }
        scheduler.ended(i);
        again = true;
      }
    }
  }

  private void start(PreparedTask task) {
    int i = task.spec().index();
    Thread t = new Thread(() -> {
      try {
        engine.runTask(task);
      } catch (Throwable e) { // the run ends with what it has (RunEngine.runGuarded); this task stays unrecorded
        if (failure == null) {
          failure = e;
        }
        controller.interrupt(e instanceof ObserverFailedException && ((ObserverFailedException) e).outputClosed()
            ? StopReason.OUTPUT_CLOSED : e instanceof ObserverFailedException ? StopReason.OBSERVER_FAILED
            : e instanceof InterruptedException ? StopReason.SIGNAL : StopReason.INTERNAL_ERROR);
      } finally {
        finished.add(i);
        controller.nudge();
      }
    }, "sr-task-" + i);
    workers.add(t);
    t.start();
  }

  private void publishWaits(boolean holding) {
    Map<Integer, Wait> waits = holding ? Map.of() : scheduler.waits();
    for (PreparedTask t : plan.tasks()) {
      int i = t.spec().index();
      if (!scheduler.isPending(i)) {
        continue;
      }
      Wait w = waits.get(i);
      engine.setState(w == null ? TaskState.pending(i, t.spec().type())
          : new TaskState(i, t.spec().type(), TaskState.Phase.WAITING, w, null));
    }
  }

  private void joinWorkers() {
    boolean interrupted = false;
    for (Thread t : workers) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
