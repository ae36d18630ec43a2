package servicerunner.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import servicerunner.exec.CancelToken;
import servicerunner.exec.Platform;
import servicerunner.report.ResultJson;
import servicerunner.task.Status;
import servicerunner.task.TaskCancelledException;
import servicerunner.task.TaskOutcome;

/**
 * Runs a prepared plan task by task, in plan order, and tells the observers what happens. Usable as a library:
 * {@link #start} returns a handle to await, steer or cancel the run.
 */
public final class RunEngine {
  static final String NO_HANDLER = "No handler found for task type";
  static final String NOT_RUN_PREFIX = "Not run: ";

  private final PreparedPlan plan;
  private final RunOptions options;
  private final RunObserver observer;
  private final RunController controller;
  private final TaskResult[] results;
  private boolean anyFailure;
  private Map<Integer, ObjectNode> resumed = Map.of();

  public RunEngine(PreparedPlan plan, RunOptions options, RunObserver observer) {
    this.plan = plan;
    this.options = options;
    this.observer = observer;
    this.controller = new RunController(observer);
    this.results = new TaskResult[plan.tasks().size()];
  }

  public RunController controller() {
    return controller;
  }

  /**
   * Results a crashed or rebooted run already finished (from its journal): they are reported again, marked
   * {@code "resumed": true}, with their markers and progress but without running, and the run goes on from the
   * first task without one.
   */
  public RunEngine resumeWith(Map<Integer, ObjectNode> finished) {
    this.resumed = Map.copyOf(finished);
    return this;
  }

  /** Starts the run on its own thread. */
  public RunHandle start() {
    RunHandle handle = new RunHandle(controller);
    Thread t = new Thread(() -> handle.complete(runHere()), "sr-engine");
    t.start();
    handle.thread(t);
    return handle;
  }

  /** Runs on the calling thread and returns when the run is over. */
  public RunOutcome runHere() {
    Instant startedAt = Instant.now();
    int total = plan.tasks().size();
    try {
      observer.runStarted(total);
      announce();
      for (int i = 0; i < total; i++) {
        if (resumed.containsKey(i)) {
          replay(i, resumed.get(i));
          continue;
        }
        RunController.Decision d = controller.beforeTask();
        if (d == RunController.Decision.STOP) {
          break;
        }
        PreparedTask task = plan.tasks().get(i);
        if (d == RunController.Decision.SKIP) {
          skipWithoutRunning(task, RunController.SKIP_REASON, true);
        } else if (task.type() == null) {
          skipWithoutRunning(task, NO_HANDLER, true);
        } else if (!task.type().platforms().contains(Platform.current()) && !task.params().has("executable_path")) {
          skipWithoutRunning(task, "requires " + platformsText(task), true);
        } else {
          runTask(task);
        }
        if (controller.stopReason() != null || controller.afterTask(i == total - 1, plan.plan().pauseBetweenTasks())) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      controller.interrupt("signal");
    } catch (ObserverFailedException e) {
      controller.interrupt("output_closed");
    }
    return finish(startedAt, total);
  }

  private void announce() {
    observer.log("Parsed " + plan.tasks().size() + " tasks");
    for (PreparedTask t : plan.tasks()) {
      observer.log("Task " + t.spec().index() + ": " + t.spec().type());
    }
    for (String w : plan.warnings()) {
      observer.log("Warning: " + w);
    }
    if (plan.plan().parallelRequested()) {
      observer.log("parallel_execution requested: tasks still run one after another, in plan order"
          + " (tools compete for disk and CPU, and markers must stay in order)");
    }
  }

  private void runTask(PreparedTask task) throws InterruptedException {
    int i = task.spec().index();
    String type = task.spec().type();
    CancelToken token = controller.taskStarting();
    EngineTaskContext ctx = new EngineTaskContext(task, new StopOnOutputFailure(observer, controller), options, token);
    observer.taskStarted(i, type);
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    TaskOutcome outcome;
    try {
      outcome = task.type().run(ctx);
      if (outcome == null) {
        outcome = TaskOutcome.failure("handler returned no result");
      }
    } catch (TaskCancelledException e) {
      outcome = TaskOutcome.skipped(e.reason());
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      outcome = TaskOutcome.failure("Exception: " + e);
    } finally {
      controller.taskEnded();
      try {
        ctx.finish();
      } catch (ObserverFailedException e) {
        controller.interrupt("output_closed"); // the result below is still recorded for the report file
      }
    }
    if (token.isCancelled() && outcome.status() != Status.SKIPPED) {
      observer.log("Task " + i + " finished before the " + token.reason().toLowerCase(java.util.Locale.ROOT)
          + " took effect; its result is kept");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectNode json = ResultJson.of(type, outcome, started, Instant.now(), seconds);
    record(new TaskResult(i, type, outcome.status(), json, seconds), true, true);
  }

  private void replay(int index, ObjectNode previous) {
    ObjectNode json = previous.deepCopy();
    json.put("resumed", true);
    Status status = Status.valueOf(json.path("status").asText("skipped").toUpperCase(java.util.Locale.ROOT));
    record(new TaskResult(index, json.path("task_type").asText(), status, json,
        json.path("duration_seconds").asDouble(0)), false, true);
  }

  private void skipWithoutRunning(PreparedTask task, String reason, boolean withProgress) {
    String type = task.spec().type();
    ObjectNode json = ResultJson.notRun(type, Status.SKIPPED, reason, Instant.now());
    record(new TaskResult(task.spec().index(), type, Status.SKIPPED, json, 0), false, withProgress);
  }

  private void record(TaskResult r, boolean ran, boolean withProgress) {
    results[r.index()] = r;
    anyFailure |= r.status().isFailure();
    Progress p = new Progress(count(), results.length, Arrays.asList(results.clone()), runningStatus());
    if (ran) {
      observer.taskFinished(r, p);
    } else {
      observer.taskSkipped(r, p, withProgress);
    }
  }

  private RunOutcome finish(Instant startedAt, int total) {
    String stop = controller.stopReason();
    int completed = count();
    if (stop != null) {
      safely(() -> observer.runStopped(stop));
      String reason = "user_requested".equals(stop) ? RunController.STOP_REASON : NOT_RUN_PREFIX + "the run was " + stopText(stop);
      for (PreparedTask t : plan.tasks()) {
        if (results[t.spec().index()] == null) {
          safely(() -> skipWithoutRunning(t, reason, false));
        }
      }
    }
    String overall = stop != null ? "stopped" : anyFailure ? "completed_with_errors" : "success";
    List<TaskResult> all = new ArrayList<>(Arrays.asList(results));
    all.removeIf(r -> r == null);
    RunOutcome outcome = new RunOutcome(overall, List.copyOf(all), completed, total, startedAt, Instant.now(), stop);
    safely(() -> observer.runFinished(outcome));
    return outcome;
  }

  private static String stopText(String stop) {
    switch (stop) {
      case "signal":
        return "interrupted by a signal";
      case "output_closed":
        return "ended because the app closed its output pipe";
      case "parent_exited":
        return "ended because the app that started it exited";
      default:
        return "stopped (" + stop + ")";
    }
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (ObserverFailedException e) {
      // output is gone (the app closed the pipe); the outcome is still returned for the report file
    }
  }

  private int count() {
    int n = 0;
    for (TaskResult r : results) {
      if (r != null) {
        n++;
      }
    }
    return n;
  }

  private String runningStatus() {
    return anyFailure ? "completed_with_errors" : "success";
  }

  private static String platformsText(PreparedTask task) {
    var ps = task.type().platforms();
    if (ps.size() == 1 && ps.contains(Platform.WINDOWS)) {
      return "Windows";
    }
    List<String> names = new ArrayList<>();
    ps.forEach(p -> names.add(p.id()));
    return String.join(" or ", names);
  }
}
