package servicerunner.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import servicerunner.exec.CancelToken;
import servicerunner.exec.Platform;
import servicerunner.json.Json;
import servicerunner.plan.Retry;
import servicerunner.plan.TaskPolicy;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.task.TaskCancelledException;
import servicerunner.task.TaskOutcome;

/**
 * Runs a prepared plan and tells the observers what happens: task by task in plan order, or, for a plan with
 * {@code "parallel_execution": true} and more than one slot, several at once as {@link ParallelRun} schedules them
 * (each task still runs through {@link #runTask}). Usable as a library:
 *
 * <pre>{@code
 * RunEngine engine = new RunEngine(PlanValidator.prepare(PlanParser.parse(bytes, "plan.json")),
 *     RunOptions.defaults(), new CompositeObserver().required("ui", observer));
 * RunHandle run = engine.start();          // once; a second start() is an error
 * run.controller().skip();                 // skip / pause / resume / stop
 * RunOutcome o = run.await();              // completes exceptionally (EngineFailedException) on a defect
 * }</pre>
 *
 * <p>Nothing thrown on the engine thread can leave a caller waiting: any throwable ends the run, the results so
 * far are reported (overall status {@code failure}, {@link RunOutcome#internalError}), and the handle completes
 * exceptionally with an {@link EngineFailedException} that carries that outcome.
 */
public final class RunEngine {
  static final String NO_HANDLER = "No handler found for task type";
  static final String NOT_RUN_PREFIX = "Not run: ";
  static final String CONDITION_NOT_MET = "Condition not met: ";

  private final PreparedPlan plan;
  private final RunOptions options;
  private final RunObserver observer;
  private final RunController controller;
  private final TaskResult[] results;
  private final TaskState[] states;
  private final AtomicBoolean started = new AtomicBoolean();
  private boolean anyFailure;
  private Throwable defect;
  private Map<Integer, Ending.Resumed> resumed = Map.of();
  private final ConditionCheck conditions;

  public RunEngine(PreparedPlan plan, RunOptions options, RunObserver observer) {
    this.plan = plan;
    this.options = options.withHeartbeat(plan.plan().heartbeat());
    this.observer = observer;
    this.controller = new RunController(observer);
    controller.taskCount(plan.tasks().size());
    this.results = new TaskResult[plan.tasks().size()];
    this.states = new TaskState[results.length];
    for (PreparedTask t : plan.tasks()) {
      states[t.spec().index()] = TaskState.pending(t.spec().index(), t.spec().type());
    }
    Map<String, Integer> byId = new HashMap<>();
    plan.tasks().forEach(t -> {
      if (t.spec().id() != null) {
        byId.put(t.spec().id(), t.spec().index());
      }
    });
    // read under the results lock: in a parallel run other tasks record while a condition is checked
    this.conditions = new ConditionCheck(id -> {
      synchronized (results) {
        return byId.containsKey(id) ? results[byId.get(id)] : null;
      }
    });
  }

  /** Every task's state now, in plan order. */
  public List<TaskState> snapshot() {
    synchronized (states) {
      return List.of(states.clone());
    }
  }

  /** How many tasks may run at once: {@code --max-parallel}, else the plan's {@code max_parallel}, else the CPUs. */
  int slots() {
    if (options.maxParallel() > 0) {
      return options.maxParallel();
    }
    Integer planned = plan.plan().scheduling().maxParallel();
    return planned != null ? planned : Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Whether this run schedules tasks side by side. One slot keeps the plan-order loop (byte for byte today's run),
   * unless a task needs a later one, which only the scheduler can honour.
   */
  boolean parallel() {
    if (!plan.plan().parallelRequested()) {
      return false;
    }
    if (slots() > 1) {
      return true;
    }
    for (PreparedTask t : plan.tasks()) {
      for (int n : t.waitsFor()) {
        if (n > t.spec().index()) {
          return true;
        }
      }
    }
    return false;
  }

  public RunController controller() {
    return controller;
  }

  /**
   * Results a crashed or rebooted run already finished (from its journal): they are reported again, marked
   * {@code "resumed": true}, with their markers and progress but without running, and the run goes on from the
   * first task without one. Only before {@link #start}.
   */
  public RunEngine resumeWith(Map<Integer, Ending.Resumed> finished) {
    if (started.get()) {
      throw new IllegalStateException("resumeWith after start");
    }
    this.resumed = Map.copyOf(finished);
    return this;
  }

  /** Starts the run on its own thread; once per engine. */
  public RunHandle start() {
    claimStart();
    RunHandle handle = new RunHandle(controller, this::snapshot);
    Thread t = new Thread(() -> {
      try {
        RunOutcome o = runGuarded();
        if (o.internalError() != null) {
          handle.fail(new EngineFailedException(o, defect));
        } else {
          handle.complete(o);
        }
      } catch (Throwable e) { // even finishing failed: the caller must still be released
        handle.fail(new EngineFailedException(null, e));
      }
    }, "sr-engine");
    t.start();
    return handle;
  }

  /** Runs on the calling thread and returns when the run is over; once per engine. */
  public RunOutcome runHere() {
    claimStart();
    RunOutcome o = runGuarded();
    if (o.internalError() != null) {
      throw new EngineFailedException(o, defect);
    }
    return o;
  }

  private void claimStart() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("this run was already started");
    }
  }

  private RunOutcome runGuarded() {
    Instant startedAt = Instant.now();
    int total = plan.tasks().size();
    String internalError = null;
    try {
      observer.runStarted(total);
      announce();
      if (parallel()) {
        new ParallelRun(this, plan, controller, slots()).run();
      } else {
        runInOrder(total);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      controller.interrupt(StopReason.SIGNAL);
    } catch (ObserverFailedException e) {
      controller.interrupt(e.outputClosed() ? StopReason.OUTPUT_CLOSED : StopReason.OBSERVER_FAILED);
    } catch (Throwable e) { // a defect: end the run with what it has, never hang (see the class comment)
      defect = e;
      String msg = "Internal error: " + e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "");
      internalError = msg;
      safely(() -> observer.log(msg));
      controller.interrupt(StopReason.INTERNAL_ERROR);
    }
    return finish(startedAt, total, internalError);
  }

  private void runInOrder(int total) throws InterruptedException {
    for (int i = 0; i < total; i++) {
      if (resumed.containsKey(i)) {
        recordResumed(i);
        continue;
      }
      RunController.Decision d = controller.beforeTask(i);
      if (d == RunController.Decision.STOP) {
        break;
      }
      PreparedTask task = plan.tasks().get(i);
      if (d == RunController.Decision.SKIP) {
        notRun(task, new Ending.SkippedByUser(RunController.SKIP_REASON, false), true);
      } else if (!settleUnrunnable(task)) {
        runTask(task);
      }
      if (controller.stopReason() != null || controller.afterTask(i == total - 1, plan.plan().pauseBetweenTasks())) {
        break;
      }
    }
  }

  boolean isResumed(int index) {
    return resumed.containsKey(index);
  }

  /** A task a crashed run already finished: reported again, from its journal line. */
  void recordResumed(int i) {
    Ending.Resumed r = resumed.get(i);
    double seconds = r.result().path("duration_seconds").asDouble(0);
    record(new TaskResult(i, r.result().path("task_type").asText(), r, Instant.now(), Instant.now(), seconds),
        false, true);
  }

  /** A task without a handler, or not for this platform, ends here without running; true when it did. */
  boolean settleUnrunnable(PreparedTask task) {
    String why = cannotRun(task);
    if (why != null) {
      notRun(task, new Ending.NotRun(why), true);
    }
    return why != null;
  }

  /** The scheduler's view of a task changed (waiting and why, or back to pending); running/ended are set here. */
  void setState(TaskState s) {
    synchronized (states) {
      if (s.equals(states[s.index()]) || states[s.index()].phase() == TaskState.Phase.ENDED) {
        return;
      }
      states[s.index()] = s;
    }
    observer.taskStateChanged(s);
  }

  private void announce() {
    List<String> lines = new ArrayList<>(plan.tasks().size() + 1);
    lines.add("Parsed " + plan.tasks().size() + " tasks");
    for (PreparedTask t : plan.tasks()) {
      lines.add("Task " + t.spec().index() + ": " + t.spec().type());
    }
    observer.logAll(lines);
    for (String w : plan.warnings()) {
      observer.log("Warning: " + w);
    }
    if (parallel()) {
      observer.log("parallel_execution: up to " + slots() + " tasks at a time, as their needs and resource claims"
          + " allow");
    } else if (plan.plan().parallelRequested()) {
      observer.log("parallel_execution requested with one slot (--max-parallel 1 or \"max_parallel\": 1): tasks run"
          + " one after another, in plan order");
    }
  }

  /** Runs one task on the calling thread (the engine's, or in a parallel run the task's own) and records it. */
  void runTask(PreparedTask task) throws InterruptedException {
    int i = task.spec().index();
    String type = task.spec().type();
    TaskPolicy policy = task.spec().policy();
    String unmet = policy.runIf() == null ? null : conditions.unmet(policy.runIf());
    if (unmet != null) {
      notRun(task, new Ending.NotRun(CONDITION_NOT_MET + unmet), true);
      return;
    }
    CancelToken token = controller.taskStarting(i);
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    Retry retry = policy.retry();
    List<Attempt> attempts = new ArrayList<>();
    Ending ending;
    boolean ended = false;
    try {
      observer.taskStarted(i, type); // an observer's defect is the run's, not this task's (see runGuarded)
      setState(new TaskState(i, type, TaskState.Phase.RUNNING, null, null));
      for (int n = 1; ; n++) {
        long a0 = System.nanoTime();
        if (retry != null) {
          observer.log(taskName(task) + ": attempt " + n + " of " + retry.attempts());
        }
        EngineTaskContext ctx =
            new EngineTaskContext(task, new StopOnOutputFailure(observer, controller), options, token);
        ending = attempt(task, ctx);
        if (retry != null) {
          attempts.add(new Attempt(n, ending.status(), ending.reason(), Json.round((System.nanoTime() - a0) / 1e9, 2)));
        }
        if (retry == null || n >= retry.attempts() || !(ending instanceof Ending.Ran)
            || !retry.retries(ending.status()) || controller.stopReason() != null) {
          ended = true;
          controller.taskEnded(i); // before finishing the output: a skip from now on is the next task's
          finish(ctx);
          break;
        }
        finish(ctx);
        Duration delay = retry.delayBefore(n + 1);
        observer.log(taskName(task) + ": attempt " + n + " ended " + ending.status().id() + ": " + ending.reason()
            + "; next attempt in " + Json.round(delay.toMillis() / 1000.0, 3) + " s");
        if (!controller.awaitRetryDelay(token, delay)) {
          // a skip, stop or signal during the delay ends the task now; a plain stop keeps the last attempt's result
          if (token.isCancelled()) {
            ending = cancelled(token.reason());
          }
          observer.log(taskName(task) + ": no more attempts ("
              + (token.isCancelled() ? token.reason().toLowerCase(Locale.ROOT) : "the run is stopping") + ")");
          break;
        }
      }
    } finally {
      if (!ended) {
        controller.taskEnded(i);
      }
    }
    if (token.isCancelled() && ending instanceof Ending.Ran) {
      // the one late-cancel rule: a task that ended on its own before the request took effect keeps its result
      observer.log("Task " + i + " finished before the " + token.reason().toLowerCase(Locale.ROOT)
          + " took effect; its result is kept");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    record(new TaskResult(i, type, ending, startedAt, Instant.now(), seconds, attempts), true, true);
    if (policy.stopOnFailure() && ending.status().isFailure()) {
      observer.log(taskName(task) + " failed and its on_failure is stop: the run stops");
      controller.stopAfterFailure(taskName(task));
    }
  }

  /** One run of the task's type; its context (timeout, output, scratch folder) is finished by the caller. */
  private Ending attempt(PreparedTask task, EngineTaskContext ctx) throws InterruptedException {
    try {
      TaskOutcome outcome = task.type().run(ctx);
      return new Ending.Ran(
          outcome == null ? TaskOutcome.failure("handler returned no result") : ResultBound.of(outcome));
    } catch (TaskCancelledException e) {
      return cancelled(e.reason());
    } catch (InterruptedException | ObserverFailedException e) {
      finish(ctx);
      throw e;
    } catch (RuntimeException e) {
      // a handler's defect is that task's failure, not the run's; the trace goes to the log for the report
      observer.log("Task " + task.spec().index() + " failed with " + e
          + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
      return new Ending.Ran(TaskOutcome.failure("Exception: " + e));
    } catch (Error e) {
      finish(ctx);
      throw e;
    }
  }

  private void finish(EngineTaskContext ctx) {
    try {
      ctx.finish();
    } catch (ObserverFailedException e) {
      controller.interrupt(StopReason.OUTPUT_CLOSED); // the result is still recorded for the report file
    }
  }

  /** A task whose tool was running when a skip, stop or signal ended it. */
  private static Ending cancelled(String reason) {
    return RunController.SKIP_REASON.equals(reason)
        ? new Ending.SkippedByUser(reason, true) : new Ending.Interrupted(reason, true);
  }

  /** {@code task 2 (ping_test)}: how the runner's lines and the stopped tasks' reasons name a task. */
  private static String taskName(PreparedTask task) {
    return "task " + task.spec().index() + " (" + task.spec().type() + ")";
  }

  void notRun(PreparedTask task, Ending ending, boolean withProgress) {
    Instant now = Instant.now();
    record(new TaskResult(task.spec().index(), task.spec().type(), ending, now, now, 0), false, withProgress);
  }

  /**
   * One lock around the result, its progress and its events, so that in a parallel run each PROGRESS_JSON counts
   * exactly one more result than the one before.
   */
  private void record(TaskResult r, boolean ran, boolean withProgress) {
    synchronized (results) {
      results[r.index()] = r;
      // allow_failure: the task keeps its red status, but the run is not "completed_with_errors" for it
      anyFailure |= r.status().isFailure() && !plan.tasks().get(r.index()).spec().policy().allowFailure();
      controller.taskSettled(r.index());
      Progress p = new Progress(count(), results.length, Arrays.asList(results.clone()), runningStatus());
      if (ran) {
        observer.taskFinished(r, p);
      } else {
        observer.taskSkipped(r, p, withProgress);
      }
      setState(new TaskState(r.index(), r.taskType(), TaskState.Phase.ENDED, null, r.status()));
    }
  }

  private RunOutcome finish(Instant startedAt, int total, String internalError) {
    controller.runEnded();
    StopReason stop = controller.stopReason();
    int completed;
    synchronized (results) {
      completed = count();
    }
    if (stop != null) {
      safely(() -> observer.runStopped(stop.id()));
      String reason = stop == StopReason.USER_REQUESTED ? RunController.STOP_REASON
          : stop == StopReason.TASK_FAILED ? NOT_RUN_PREFIX + controller.failedTask() + " failed"
          : NOT_RUN_PREFIX + "the run was " + stop.text();
      for (PreparedTask t : plan.tasks()) {
        if (results[t.spec().index()] == null) {
          safely(() -> notRun(t, new Ending.Interrupted(reason, false), false));
        }
      }
    }
    OverallStatus overall = internalError != null ? OverallStatus.FAILURE
        : stop != null ? OverallStatus.STOPPED : runningStatus();
    List<TaskResult> all = new ArrayList<>(Arrays.asList(results));
    all.removeIf(r -> r == null);
    RunOutcome outcome = new RunOutcome(overall, List.copyOf(all), completed, total, startedAt, Instant.now(), stop,
        internalError);
    safely(() -> observer.runFinished(outcome));
    return outcome;
  }

  /** Output is gone or an observer is broken: the outcome is still returned for the report file. */
  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // nothing more can be said through the observers
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

  private OverallStatus runningStatus() {
    return anyFailure ? OverallStatus.COMPLETED_WITH_ERRORS : OverallStatus.SUCCESS;
  }

  /**
   * Why the task cannot run in this plan on this machine ({@code No handler found for task type}, {@code requires
   * Windows}), or null when it can; {@code --validate} says the same.
   */
  public static String cannotRun(PreparedTask task) {
    if (task.type() == null) {
      return NO_HANDLER;
    }
    return task.type().runnableOn(Platform.current(), task.params()) ? null : "requires " + platformsText(task);
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
