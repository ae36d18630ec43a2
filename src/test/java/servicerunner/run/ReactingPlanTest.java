package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import servicerunner.json.Json;
import servicerunner.param.Params;
import servicerunner.plan.Plan;
import servicerunner.plan.PolicyParser;
import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.plan.TaskPolicy;
import servicerunner.plan.TaskSpec;
import servicerunner.report.ResultJson;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/** Conditions, retries and the failure policy in-process, with a fake task type (as in EngineTest). */
class ReactingPlanTest {

  /** One task of the plan: its id, its policy keys as JSON, and what its run returns. */
  private record T(String id, String policy, Function<TaskContext, TaskOutcome> body) {}

  private static T task(String id, String policy, Function<TaskContext, TaskOutcome> body) {
    return new T(id, policy, body);
  }

  private static PreparedPlan plan(T... ts) throws Exception {
    List<PreparedTask> tasks = new ArrayList<>();
    List<TaskSpec> specs = new ArrayList<>();
    for (int i = 0; i < ts.length; i++) {
      List<String> problems = new ArrayList<>();
      TaskPolicy policy = PolicyParser.parse(Json.parse(ts[i].policy), "tasks[" + i + "]", problems);
      assertEquals(List.of(), problems);
      TaskSpec spec = new TaskSpec(i, ts[i].id, "fake", Json.object(), "tasks[" + i + "]", Set.of(), null, null, true,
          policy);
      specs.add(spec);
      tasks.add(new PreparedTask(spec, EngineTest.fake(ts[i].body), new Params(Json.object()), Duration.ofMinutes(1)));
    }
    return new PreparedPlan(new Plan(specs, Json.object(), false, false, List.of(), "digest"), tasks, List.of());
  }

  private static final Function<TaskContext, TaskOutcome> OK = c -> TaskOutcome.ok(Status.SUCCESS, Json.object());
  private static final Function<TaskContext, TaskOutcome> FAIL = c -> TaskOutcome.failure("broken");

  private static Function<TaskContext, TaskOutcome> verdict(Status s, String id, String summaryJson) {
    return c -> {
      try {
        return TaskOutcome.of(s, Verdict.of(id, "verdict " + id), (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.parse(summaryJson));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** EngineTest's event lines, with the runner's own lines and the stop. */
  private static final class Events extends EngineTest.Events {
    final CountDownLatch retryWaiting = new CountDownLatch(1);

    @Override
    public void log(String line) {
      seen.add("log " + line);
      if (line.contains("next attempt in")) {
        retryWaiting.countDown();
      }
    }

    @Override
    public void runStopped(String reason) {
      seen.add("stopped " + reason);
    }

    List<String> markers() {
      List<String> m = new ArrayList<>(seen);
      m.removeIf(s -> s.startsWith("log "));
      return m;
    }
  }

  @Test
  void aStatusConditionRunsOrSkipsWithTheValueSeen() throws Exception {
    Events e = new Events();
    RunOutcome o = new RunEngine(plan(
        task("a", "{}", FAIL),
        task("b", "{\"run_if\": {\"task\": \"a\", \"status\": [\"failure\", \"error\"]}}", OK),
        task("c", "{\"run_if\": {\"task\": \"a\", \"status\": [\"success\"]}}", OK)),
        RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 failure broken", "start 1", "end 1 success",
        "skip 2 Condition not met: a status is failure (expected success)"), e.markers());
    assertInstanceOf(Ending.NotRun.class, o.results().get(2).ending());
  }

  @Test
  void aVerdictConditionReadsTheDeclaredVerdictId() throws Exception {
    Events e = new Events();
    new RunEngine(plan(
        task("scan", "{}", verdict(Status.SUCCESS, "clean", "{}")),
        task("fix", "{\"run_if\": {\"task\": \"scan\", \"verdict\": [\"dirty\"]}}", OK),
        task("after", "{\"run_if\": {\"task\": \"fix\", \"verdict\": [\"dirty\"]}}", OK)),
        RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 success verdict clean",
        "skip 1 Condition not met: scan verdict is clean (expected dirty)",
        "skip 2 Condition not met: fix has no verdict (status skipped)"), e.markers());
  }

  @Test
  void aFieldConditionComparesNumbersAndSaysWhenTheFieldIsAbsent() throws Exception {
    Events e = new Events();
    new RunEngine(plan(
        task("s", "{}", verdict(Status.WARNING, "dirty", "{\"violations\": 3, \"drive\": {\"letter\": \"C\"}}")),
        task(null, "{\"run_if\": {\"task\": \"s\", \"field\": \"summary.violations\", \"op\": \"ge\", \"value\": 3.0}}", OK),
        task(null, "{\"run_if\": {\"task\": \"s\", \"field\": \"summary.drive.letter\", \"op\": \"in\","
            + " \"value\": [\"D\", \"E\"]}}", OK),
        task(null, "{\"run_if\": {\"task\": \"s\", \"field\": \"summary.nothing\", \"op\": \"exists\"}}", OK),
        task(null, "{\"run_if\": {\"task\": \"s\", \"field\": \"summary.nothing\", \"op\": \"ne\", \"value\": 1}}", OK)),
        RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 warning verdict dirty", "start 1", "end 1 success",
        "skip 2 Condition not met: s summary.drive.letter is \"C\" (expected in [\"D\",\"E\"])",
        "skip 3 Condition not met: s summary.nothing is absent (expected present)",
        "start 4", "end 4 success"), e.markers());
  }

  @Test
  void allAnyAndNotNameThePartThatDecided() throws Exception {
    Events e = new Events();
    new RunEngine(plan(
        task("a", "{}", OK),
        task("b", "{}", FAIL),
        task(null, "{\"run_if\": {\"all\": [{\"task\": \"a\", \"status\": [\"success\"]},"
            + " {\"task\": \"b\", \"status\": [\"success\"]}]}}", OK),
        task(null, "{\"run_if\": {\"any\": [{\"task\": \"a\", \"status\": [\"failure\"]},"
            + " {\"task\": \"b\", \"status\": [\"error\"]}]}}", OK),
        task(null, "{\"run_if\": {\"not\": {\"task\": \"a\", \"status\": [\"success\"]}}}", OK),
        task(null, "{\"run_if\": {\"any\": [{\"not\": {\"task\": \"a\", \"status\": [\"success\"]}},"
            + " {\"task\": \"b\", \"status\": [\"failure\"]}]}}", OK)),
        RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 success", "start 1", "end 1 failure broken",
        "skip 2 Condition not met: b status is failure (expected success)",
        "skip 3 Condition not met: none of: a status is success (expected failure); b status is failure"
            + " (expected error)",
        "skip 4 Condition not met: not expected: a status is success",
        "start 5", "end 5 success"), e.markers());
  }

  /** After a reboot (--resume) the earlier task's result comes from the journal: its summary carries the verdict. */
  @Test
  void aConditionReadsAResumedResult() throws Exception {
    Events e = new Events();
    com.fasterxml.jackson.databind.node.ObjectNode journaled = (com.fasterxml.jackson.databind.node.ObjectNode)
        Json.parse("{\"task_type\": \"fake\", \"status\": \"error\", \"summary\": {\"verdict\": \"dirty\"}}");
    new RunEngine(plan(task("scan", "{}", OK),
        task(null, "{\"run_if\": {\"task\": \"scan\", \"verdict\": [\"dirty\"]}}", OK),
        task(null, "{\"run_if\": {\"task\": \"scan\", \"status\": [\"success\"]}}", OK)),
        RunOptions.defaults(), e).resumeWith(java.util.Map.of(0, new Ending.Resumed(journaled, Status.ERROR, "dirty")))
        .runHere();
    assertEquals(List.of("skip 0 dirty", "start 1", "end 1 success", // a resumed result is replayed without running
        "skip 2 Condition not met: scan status is error (expected success)"), e.markers());
  }

  @Test
  void aRetriedTaskHasOneStartOneEndAndEveryAttemptRecorded() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Events e = new Events();
    RunOutcome o = new RunEngine(plan(task(null, "{\"retry\": {\"attempts\": 4, \"delay_seconds\": 0.01, \"backoff\": 2}}",
        c -> runs.incrementAndGet() < 3 ? TaskOutcome.failure("flaky " + runs.get()) : TaskOutcome.ok(Status.SUCCESS,
            Json.object()))), RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 success"), e.markers());
    assertEquals(3, runs.get());
    TaskResult r = o.results().get(0);
    assertEquals(List.of(Status.FAILURE, Status.FAILURE, Status.SUCCESS),
        r.attempts().stream().map(Attempt::status).toList());
    assertEquals("flaky 2", r.attempts().get(1).reason());
    assertTrue(e.seen.contains("log task 0 (fake): attempt 1 of 4"), e.seen.toString());
    assertTrue(e.seen.contains("log task 0 (fake): attempt 1 ended failure: flaky 1; next attempt in 0.01 s"), e.seen.toString());
    assertTrue(e.seen.contains("log task 0 (fake): attempt 2 ended failure: flaky 2; next attempt in 0.02 s"), e.seen.toString());
    JsonNode json = ResultJson.of(r);
    assertEquals("success", json.path("status").asText());
    assertEquals(3, json.path("attempts").size());
    assertEquals("failure", json.path("attempts").get(0).path("status").asText());
    assertEquals("flaky 1", json.path("attempts").get(0).path("reason").asText());
    assertTrue(json.path("attempts").get(2).path("duration_seconds").isNumber());
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
  }

  @Test
  void theLastAttemptDecidesAndOnlyTheListedStatusesAreRetried() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger warnings = new AtomicInteger();
    RunOutcome o = new RunEngine(plan(
        task(null, "{\"retry\": 3}", c -> TaskOutcome.failure("down " + runs.incrementAndGet())),
        task(null, "{\"retry\": 3}", c -> {
          warnings.incrementAndGet();
          return TaskOutcome.ok(Status.WARNING, Json.object());
        }),
        task(null, "{}", FAIL)), RunOptions.defaults(), RunObserver.NONE).runHere();
    assertEquals(3, runs.get());
    assertEquals("down 3", o.results().get(0).reason());
    assertEquals(3, o.results().get(0).attempts().size());
    assertEquals(1, warnings.get(), "warning is not in the default \"on\"");
    assertEquals(List.of(), o.results().get(2).attempts(), "a task without retry has no attempts");
    assertEquals(OverallStatus.COMPLETED_WITH_ERRORS, o.overallStatus());
  }

  @Test
  @Timeout(120) // the delay is an hour: only a skip that ends it at once lets the test finish
  void aSkipDuringTheDelayEndsTheTaskAtOnce() throws Exception {
    Events e = new Events();
    RunEngine engine = new RunEngine(plan(task(null, "{\"retry\": {\"attempts\": 5, \"delay_seconds\": 3600}}", FAIL),
        task(null, "{}", OK)), RunOptions.defaults(), e);
    RunHandle h = engine.start();
    assertTrue(e.retryWaiting.await(60, TimeUnit.SECONDS));
    engine.controller().skip();
    RunOutcome o = h.await();
    assertEquals(List.of("start 0", "end 0 skipped User requested skip", "start 1", "end 1 success"), e.markers());
    assertEquals(1, o.results().get(0).attempts().size());
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
  }

  @Test
  @Timeout(120)
  void aStopDuringTheDelayEndsTheTaskWithItsLastAttempt() throws Exception {
    Events e = new Events();
    RunEngine engine = new RunEngine(plan(task(null, "{\"retry\": {\"attempts\": 5, \"delay_seconds\": 3600}}", FAIL),
        task(null, "{}", OK)), RunOptions.defaults(), e);
    RunHandle h = engine.start();
    assertTrue(e.retryWaiting.await(60, TimeUnit.SECONDS));
    engine.controller().stop(false);
    RunOutcome o = h.await();
    assertEquals(List.of("start 0", "end 0 failure broken", "stopped user_requested",
        "skip 1 Run stopped by user"), e.markers());
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
  }

  @Test
  void onFailureStopEndsTheRunLikeAUserStop() throws Exception {
    Events e = new Events();
    RunOutcome o = new RunEngine(plan(task(null, "{\"on_failure\": \"stop\"}", OK),
        task("restore", "{\"on_failure\": \"stop\"}", FAIL), task(null, "{}", OK), task(null, "{}", OK)),
        RunOptions.defaults(), e).runHere();
    assertEquals(List.of("start 0", "end 0 success", "start 1", "end 1 failure broken", "stopped task_failed",
        "skip 2 Not run: task 1 (fake) failed", "skip 3 Not run: task 1 (fake) failed"), e.markers());
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
    assertEquals(StopReason.TASK_FAILED, o.stopReason());
  }

  @Test
  void anAllowedFailureKeepsItsStatusButNotTheRunsErrors() throws Exception {
    RunOutcome o = new RunEngine(plan(task(null, "{\"allow_failure\": true}", FAIL), task(null, "{}", OK)),
        RunOptions.defaults(), RunObserver.NONE).runHere();
    assertEquals(Status.FAILURE, o.results().get(0).status());
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
    RunOutcome notAllowed = new RunEngine(plan(task(null, "{\"allow_failure\": false}", FAIL)),
        RunOptions.defaults(), RunObserver.NONE).runHere();
    assertEquals(OverallStatus.COMPLETED_WITH_ERRORS, notAllowed.overallStatus());
  }

  @Test
  void aPolicyNamesTheTasksItsConditionTests() throws Exception {
    List<String> problems = new ArrayList<>();
    TaskPolicy p = PolicyParser.parse(Json.parse("{\"run_if\": {\"any\": [{\"task\": \"b\", \"status\": [\"success\"]},"
        + " {\"not\": {\"task\": \"a\", \"verdict\": [\"x\"]}}, {\"task\": \"b\", \"field\": \"summary.n\","
        + " \"op\": \"exists\"}]}}"), "tasks[3]", problems);
    assertEquals(List.of(), problems);
    assertEquals(List.of("b", "a"), List.copyOf(p.referencedTasks()));
  }
}
