package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.plan.Plan;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.plan.TaskSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/** The engine in-process with a fake task type: endings, defects, the one-start rule. No child processes. */
class EngineTest {

  /** A task type whose run is the given function. */
  static TaskType fake(Function<TaskContext, TaskOutcome> body) {
    TaskDeclaration d = TaskDeclaration.builder("fake", "A fake task for engine tests.").build();
    return new TaskType() {
      @Override
      public TaskDeclaration declaration() {
        return d;
      }

      @Override
      public TaskOutcome run(TaskContext ctx) {
        return body.apply(ctx);
      }
    };
  }

  @SafeVarargs
  private static PreparedPlan plan(Function<TaskContext, TaskOutcome>... bodies) {
    List<PreparedTask> tasks = new ArrayList<>();
    List<TaskSpec> specs = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      TaskSpec spec = new TaskSpec(i, null, "fake", Json.object(), "tasks[" + i + "]", Set.of(), null, null, true);
      specs.add(spec);
      tasks.add(new PreparedTask(spec, fake(bodies[i]), new Params(Json.object()), Duration.ofMinutes(1)));
    }
    Plan p = new Plan(specs, Json.object(), false, false, List.of(), "digest");
    return new PreparedPlan(p, tasks, List.of());
  }

  private static final Function<TaskContext, TaskOutcome> OK = c -> TaskOutcome.ok(Status.SUCCESS, Json.object());

  /** Records every event as a short string, thread-safely. */
  static class Events implements RunObserver {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void taskStarted(int index, String type) {
      seen.add("start " + index);
    }

    @Override
    public void taskFinished(TaskResult r, Progress p) {
      seen.add("end " + r.index() + " " + r.status().id() + (r.reason() == null ? "" : " " + r.reason()));
    }

    @Override
    public void taskSkipped(TaskResult r, Progress p, boolean withProgress) {
      seen.add("skip " + r.index() + " " + r.reason());
    }
  }

  @Test
  void aFailureCarriesItsExplicitReasonAndTheRunIsCompletedWithErrors() {
    Events e = new Events();
    RunOutcome o = new RunEngine(plan(OK, c -> TaskOutcome.failure("disk on fire")), RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 success", "start 1", "end 1 failure disk on fire"), e.seen);
    assertEquals(OverallStatus.COMPLETED_WITH_ERRORS, o.overallStatus());
    assertInstanceOf(Ending.Ran.class, o.results().get(1).ending());
  }

  @Test
  void aHandlerThatThrowsFailsItsTaskAndTheRunGoesOn() {
    Events e = new Events();
    RunOutcome o = new RunEngine(plan(c -> {
      throw new IllegalStateException("bug in a handler");
    }, OK), RunOptions.defaults(), e).runHere();
    assertEquals(Status.FAILURE, o.results().get(0).status());
    assertTrue(o.results().get(0).reason().contains("bug in a handler"), o.results().get(0).reason());
    assertEquals(Status.SUCCESS, o.results().get(1).status());
  }

  @Test
  void aHandlerReturningNothingIsAFailureWithAReason() {
    RunOutcome o = new RunEngine(plan(c -> null), RunOptions.defaults(), RunObserver.NONE).runHere();
    assertEquals("handler returned no result", o.results().get(0).reason());
  }

  /** The reproduced hang: an observer that throws used to leave await() blocked for good. */
  @Test
  void anObserverThatThrowsEndsTheRunAndReleasesTheCaller() throws Exception {
    RunObserver broken = new RunObserver() {
      @Override
      public void taskStarted(int index, String type) {
        throw new IllegalStateException("observer bug");
      }
    };
    RunHandle h = new RunEngine(plan(OK, OK), RunOptions.defaults(), broken).start();
    EngineFailedException e = assertThrows(EngineFailedException.class, h::await);
    assertNotNull(e.outcome());
    assertEquals(OverallStatus.FAILURE, e.outcome().overallStatus());
    assertTrue(e.outcome().internalError().contains("observer bug"), e.outcome().internalError());
    assertEquals(2, e.outcome().results().size(), "every task still has a result");
    assertTrue(h.isDone());
  }

  @Test
  void anObserverDefectIsNotReportedAsAClosedPipe() throws Exception {
    // audit D11: a required observer throwing a non-I/O exception was reported as "the app closed its output pipe"
    CompositeObserver obs = new CompositeObserver().required("markers", new RunObserver() {
      @Override
      public void taskFinished(TaskResult r, Progress p) {
        throw new IllegalStateException("no summary");
      }
    });
    RunOutcome o = new RunEngine(plan(OK, OK), RunOptions.defaults(), obs).runHere();
    assertEquals(StopReason.OBSERVER_FAILED, o.stopReason());
    CompositeObserver closed = new CompositeObserver().required("markers", new RunObserver() {
      @Override
      public void taskFinished(TaskResult r, Progress p) {
        throw new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"));
      }
    });
    assertEquals(StopReason.OUTPUT_CLOSED, new RunEngine(plan(OK, OK), RunOptions.defaults(), closed).runHere().stopReason());
  }

  @Test
  void anErrorInAHandlerEndsTheRunWithAReportInsteadOfKillingTheThread() throws Exception {
    RunHandle h = new RunEngine(plan(c -> {
      throw new AssertionError("not a RuntimeException");
    }, OK), RunOptions.defaults(), RunObserver.NONE).start();
    EngineFailedException e = assertThrows(EngineFailedException.class, h::await);
    assertEquals(StopReason.INTERNAL_ERROR, e.outcome().stopReason());
    assertInstanceOf(Ending.Interrupted.class, e.outcome().results().get(1).ending(), "never reached: runs on resume");
  }

  @Test
  void startTwiceIsAnError() throws Exception {
    RunEngine engine = new RunEngine(plan(OK), RunOptions.defaults(), RunObserver.NONE);
    RunHandle h = engine.start();
    assertThrows(IllegalStateException.class, engine::start);
    assertThrows(IllegalStateException.class, engine::runHere);
    assertEquals(OverallStatus.SUCCESS, h.await().overallStatus());
  }

  @Test
  void aSkipWhileTheTaskWorksEndsItAsSkippedByUserAndTheNextRuns() throws Exception {
    CountDownLatch working = new CountDownLatch(1);
    Events e = new Events();
    RunEngine engine = new RunEngine(plan(c -> {
      working.countDown();
      while (true) {
        c.checkCancelled(); // in-process work polls; the skip surfaces here
        Thread.onSpinWait();
      }
    }, OK), RunOptions.defaults(), e);
    RunHandle h = engine.start();
    assertTrue(working.await(10, TimeUnit.SECONDS));
    h.controller().skip();
    RunOutcome o = h.await();
    assertEquals(new Ending.SkippedByUser(RunController.SKIP_REASON, true), o.results().get(0).ending());
    assertEquals(Status.SUCCESS, o.results().get(1).status());
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
  }

  @Test
  void aStopFinishesTheCurrentTaskAndRecordsTheRestAsInterrupted() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RunHandle h = new RunEngine(plan(c -> {
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      return TaskOutcome.ok(Status.SUCCESS, Json.object());
    }, OK), RunOptions.defaults(), RunObserver.NONE).start();
    assertTrue(running.await(10, TimeUnit.SECONDS));
    h.controller().stop(false);
    release.countDown();
    RunOutcome o = h.await();
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
    assertEquals(StopReason.USER_REQUESTED, o.stopReason());
    assertEquals(Status.SUCCESS, o.results().get(0).status(), "the current task finishes");
    assertEquals(new Ending.Interrupted(RunController.STOP_REASON, false), o.results().get(1).ending());
    assertTrue(o.results().get(0).isFinal());
    assertTrue(!o.results().get(1).isFinal(), "a task the stop kept from running runs on resume");
  }

  @Test
  void aFailureOrSkipOutcomeWithoutAReasonCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> TaskOutcome.ok(Status.FAILURE, Json.object()));
    assertThrows(IllegalArgumentException.class, () -> new TaskOutcome(Status.SKIPPED, " ", null, null, null));
  }
}
