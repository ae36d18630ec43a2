package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.Params;
import servicerunner.plan.Plan;
import servicerunner.plan.PlanScheduling;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.plan.TaskSpec;
import servicerunner.schedule.Claims;
import servicerunner.schedule.Wait;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/**
 * Parallel runs in-process with a fake task type whose tasks each wait for their own gate: which tasks run
 * together, why the others wait, and what skip, pause and stop do. Waits are for events, never for time.
 */
class ParallelEngineTest {
  private static final Duration GUARD = Duration.ofSeconds(20);

  /** One task of the test plan: its claims and the indices it needs. */
  private record T(Claims claims, List<Integer> needs) {}

  private static T task(Claims c, Integer... needs) {
    return new T(c, List.of(needs));
  }

  /** Tasks that tell {@link #started} when they run and end when their gate opens (or a skip cancels them). */
  private final BlockingQueue<Integer> started = new LinkedBlockingQueue<>();
  private final Map<Integer, CountDownLatch> gates = new java.util.concurrent.ConcurrentHashMap<>();

  private CountDownLatch gate(int i) {
    return gates.computeIfAbsent(i, k -> new CountDownLatch(1));
  }

  /** EngineTest's fake type, waiting for its gate and polling for a cancel as in-process work does. */
  private TaskType gated() {
    return EngineTest.fake(ctx -> {
      started.add(ctx.index());
      try {
        while (!gate(ctx.index()).await(5, TimeUnit.MILLISECONDS)) {
          ctx.checkCancelled(); // a skip or forced stop surfaces here
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return TaskOutcome.ok(Status.SUCCESS, Json.object());
    });
  }

  private PreparedPlan plan(int maxParallel, boolean pauseBetween, T... tasks) {
    List<PreparedTask> prepared = new ArrayList<>();
    List<TaskSpec> specs = new ArrayList<>();
    TaskType type = gated();
    for (int i = 0; i < tasks.length; i++) {
      TaskSpec spec = new TaskSpec(i, "t" + i, "fake", Json.object(), "tasks[" + i + "]", Set.of(), null, null, true);
      specs.add(spec);
      prepared.add(new PreparedTask(spec, type, new Params(Json.object()), Duration.ofMinutes(5), tasks[i].needs(),
          tasks[i].claims()));
    }
    Plan p = new Plan(specs, Json.object(), pauseBetween, true, List.of(), "digest",
        servicerunner.plan.HeartbeatSetting.DEFAULT, new PlanScheduling(maxParallel, Map.of()));
    return new PreparedPlan(p, prepared, List.of());
  }

  /** Every event as a short string, with the PROGRESS count of each result. */
  private static final class Events implements RunObserver {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<Integer> completed = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> runEvents = new LinkedBlockingQueue<>();
    final List<TaskState> states = new CopyOnWriteArrayList<>();

    @Override
    public void taskStarted(int index, String type) {
      seen.add("start " + index);
    }

    @Override
    public void taskFinished(TaskResult r, Progress p) {
      seen.add("end " + r.index() + " " + r.status().id());
      completed.add(p.completed());
    }

    @Override
    public void taskSkipped(TaskResult r, Progress p, boolean withProgress) {
      seen.add("skip " + r.index() + " " + r.reason());
      if (withProgress) {
        completed.add(p.completed());
      }
    }

    @Override
    public void taskStateChanged(TaskState s) {
      states.add(s);
    }

    @Override
    public void runPaused(String reason) {
      seen.add("paused " + reason);
      runEvents.add("paused");
    }

    @Override
    public void runResumed(String reason) {
      seen.add("resumed");
    }

    @Override
    public void runStopped(String reason) {
      seen.add("stopped " + reason);
    }
  }

  private int nextStart() throws InterruptedException {
    Integer i = started.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(i, "no task started");
    return i;
  }

  /** Waits until the run's snapshot shows task {@code i} in {@code phase} (the dispatcher publishes after events). */
  private static TaskState awaitState(RunHandle h, int i, TaskState.Phase phase) throws InterruptedException {
    long end = System.nanoTime() + GUARD.toNanos();
    while (System.nanoTime() < end) {
      TaskState s = h.snapshot().get(i);
      if (s.phase() == phase) {
        return s;
      }
      Thread.sleep(2); // polling a state, not waiting a fixed time for it
    }
    throw new AssertionError("task " + i + " never became " + phase + ": " + h.snapshot());
  }

  private static final Claims DISK_C = Claims.of("disk:C:");
  private static final Claims EXCLUSIVE = Claims.NONE.withExclusive(true);

  @Test
  void tasksOfOnePoolNeverOverlapWhileOthersRunBeside() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(4, false, task(DISK_C), task(DISK_C), task(Claims.NONE)), RunOptions.defaults(), e)
        .start();
    assertEquals(Set.of(0, 2), Set.of(nextStart(), nextStart()));
    TaskState waiting = awaitState(h, 1, TaskState.Phase.WAITING);
    assertEquals(new Wait(Wait.Kind.RESOURCE, List.of(), "disk:C:"), waiting.waitingFor());
    gate(0).countDown();
    assertEquals(1, nextStart());
    assertTrue(e.seen.indexOf("end 0 success") < e.seen.indexOf("start 1"), e.seen.toString());
    gate(1).countDown();
    gate(2).countDown();
    RunOutcome o = h.await(GUARD).orElseThrow();
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
    assertEquals(List.of(1, 2, 3), e.completed, "each PROGRESS counts one more result");
    assertEquals(List.of(0, 1, 2), o.results().stream().map(TaskResult::index).toList(), "the report stays in plan order");
  }

  @Test
  void anExclusiveTaskRunsAloneAndNothingOvertakesIt() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(4, false, task(Claims.NONE), task(EXCLUSIVE), task(Claims.NONE)),
        RunOptions.defaults(), e).start();
    assertEquals(0, nextStart());
    assertEquals("exclusive: task 1", awaitState(h, 2, TaskState.Phase.WAITING).waitingFor().text());
    assertEquals("exclusive: task 0", awaitState(h, 1, TaskState.Phase.WAITING).waitingFor().text());
    gate(0).countDown();
    assertEquals(1, nextStart());
    gate(1).countDown();
    assertEquals(2, nextStart());
    gate(2).countDown();
    h.await(GUARD).orElseThrow();
    assertEquals(List.of("start 0", "end 0 success", "start 1", "end 1 success", "start 2", "end 2 success"), e.seen);
  }

  @Test
  void aTaskStartsOnlyAfterTheTasksItNeedsHaveEnded() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(4, false, task(Claims.NONE, 2), task(Claims.NONE), task(Claims.NONE)),
        RunOptions.defaults(), e).start();
    assertEquals(Set.of(1, 2), Set.of(nextStart(), nextStart()));
    assertEquals(new Wait(Wait.Kind.NEEDS, List.of(2), null), awaitState(h, 0, TaskState.Phase.WAITING).waitingFor());
    gate(2).countDown();
    assertEquals(0, nextStart());
    assertTrue(e.seen.indexOf("end 2 success") < e.seen.indexOf("start 0"), e.seen.toString());
    gate(0).countDown();
    gate(1).countDown();
    h.await(GUARD).orElseThrow();
  }

  @Test
  void skipByIndexEndsARunningTaskAndKeepsAWaitingOneFromStarting() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(4, false, task(Claims.NONE), task(Claims.NONE), task(Claims.NONE, 0)),
        RunOptions.defaults(), e).start();
    assertEquals(Set.of(0, 1), Set.of(nextStart(), nextStart()));
    awaitState(h, 2, TaskState.Phase.WAITING);
    assertTrue(h.skip(2), "a waiting task can be skipped");
    awaitState(h, 2, TaskState.Phase.ENDED);
    assertTrue(h.skip(0), "a running task can be skipped");
    RunOutcome afterSkip = null;
    awaitState(h, 0, TaskState.Phase.ENDED);
    assertFalse(h.skip(0), "an ended task cannot be skipped again");
    gate(1).countDown();
    afterSkip = h.await(GUARD).orElseThrow();
    assertEquals(new Ending.SkippedByUser(RunController.SKIP_REASON, true), afterSkip.results().get(0).ending());
    assertEquals(Status.SUCCESS, afterSkip.results().get(1).status(), "the other task is unaffected");
    assertEquals(new Ending.SkippedByUser(RunController.SKIP_REASON, false), afterSkip.results().get(2).ending());
    assertFalse(e.seen.contains("start 2"), "a skipped waiting task never starts: " + e.seen);
    assertEquals(List.of(1, 2, 3), e.completed);
  }

  @Test
  void aBareSkipEndsTheTaskStartedLast() throws Exception {
    RunHandle h = new RunEngine(plan(4, false, task(Claims.NONE), task(Claims.NONE, 0), task(Claims.NONE)),
        RunOptions.defaults(), new Events()).start();
    assertEquals(Set.of(0, 2), Set.of(nextStart(), nextStart()));
    gate(0).countDown();
    assertEquals(1, nextStart()); // started last
    h.controller().skip();
    gate(2).countDown();
    RunOutcome o = h.await(GUARD).orElseThrow();
    assertEquals(Status.SKIPPED, o.results().get(1).status());
    assertEquals(Status.SUCCESS, o.results().get(2).status());
  }

  @Test
  void pauseLetsRunningTasksFinishAndStartsNothingUntilResume() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(2, false, task(Claims.NONE), task(Claims.NONE), task(Claims.NONE)),
        RunOptions.defaults(), e).start();
    assertEquals(Set.of(0, 1), Set.of(nextStart(), nextStart()));
    h.pause();
    gate(0).countDown();
    gate(1).countDown();
    assertEquals("paused", e.runEvents.poll(GUARD.toSeconds(), TimeUnit.SECONDS));
    assertFalse(e.seen.contains("start 2"), e.seen.toString());
    assertEquals(TaskState.Phase.PENDING, h.snapshot().get(2).phase());
    assertTrue(h.resume());
    assertEquals(2, nextStart());
    gate(2).countDown();
    assertEquals(OverallStatus.SUCCESS, h.await(GUARD).orElseThrow().overallStatus());
    assertTrue(e.seen.indexOf("paused user_requested") > e.seen.indexOf("end 1 success"), e.seen.toString());
  }

  @Test
  void stopLetsRunningTasksFinishAndASecondStopEndsThem() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(2, false, task(Claims.NONE), task(Claims.NONE), task(Claims.NONE)),
        RunOptions.defaults(), e).start();
    assertEquals(Set.of(0, 1), Set.of(nextStart(), nextStart()));
    h.stop();
    gate(0).countDown();
    awaitState(h, 0, TaskState.Phase.ENDED);
    assertFalse(e.seen.contains("start 2"), "nothing new starts after a stop: " + e.seen);
    h.stop(); // the second stop ends task 1, which never opens its gate
    RunOutcome o = h.await(GUARD).orElseThrow();
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
    assertEquals(Status.SUCCESS, o.results().get(0).status(), "a running task finishes after the first stop");
    assertEquals(new Ending.Interrupted(RunController.STOP_REASON, true), o.results().get(1).ending());
    assertEquals(new Ending.Interrupted(RunController.STOP_REASON, false), o.results().get(2).ending());
  }

  @Test
  void closeStopsEveryRunningTaskAndWaits() throws Exception {
    RunHandle h = new RunEngine(plan(3, false, task(Claims.NONE), task(Claims.NONE)), RunOptions.defaults(),
        new Events()).start();
    assertEquals(Set.of(0, 1), Set.of(nextStart(), nextStart()));
    h.close();
    assertTrue(h.isDone());
    for (TaskState s : h.snapshot()) {
      assertEquals(TaskState.Phase.ENDED, s.phase(), s.toString());
    }
  }

  @Test
  void observersHearEveryStateChangeOfATask() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(4, false, task(DISK_C), task(DISK_C)), RunOptions.defaults(), e).start();
    assertEquals(0, nextStart());
    awaitState(h, 1, TaskState.Phase.WAITING);
    gate(0).countDown();
    assertEquals(1, nextStart());
    gate(1).countDown();
    h.await(GUARD).orElseThrow();
    List<String> ofTask1 = e.states.stream().filter(s -> s.index() == 1).map(TaskState::toString).toList();
    assertEquals(List.of("1 waiting (resource disk:C:)", "1 running", "1 ended success"), ofTask1);
  }

  @Test
  void aResumedRunReportsFinishedTasksFirstAndRunsOnlyTheOthers() throws Exception {
    Events e = new Events();
    Ending.Resumed done = new Ending.Resumed(Json.object().put("task_type", "fake").put("status", "success"),
        Status.SUCCESS, null);
    RunHandle h = new RunEngine(plan(4, false, task(Claims.NONE), task(Claims.NONE, 0), task(Claims.NONE)),
        RunOptions.defaults(), e).resumeWith(Map.of(0, done)).start();
    assertEquals(Set.of(1, 2), Set.of(nextStart(), nextStart()), "a need that finished before the crash is met");
    gate(1).countDown();
    gate(2).countDown();
    RunOutcome o = h.await(GUARD).orElseThrow();
    assertEquals(done, o.results().get(0).ending());
    assertFalse(e.seen.contains("start 0"), e.seen.toString());
    assertEquals(List.of(1, 2, 3), e.completed);
  }

  @Test
  void autoPauseBetweenTasksPausesWhenTheRunningOnesHaveFinished() throws Exception {
    Events e = new Events();
    RunHandle h = new RunEngine(plan(2, true, task(Claims.NONE), task(Claims.NONE)), RunOptions.defaults(), e).start();
    assertEquals(Set.of(0, 1), Set.of(nextStart(), nextStart()));
    gate(0).countDown();
    gate(1).countDown();
    h.await(GUARD).orElseThrow();
    assertFalse(e.seen.stream().anyMatch(s -> s.startsWith("paused")), "no pause after the last task: " + e.seen);
  }
}
