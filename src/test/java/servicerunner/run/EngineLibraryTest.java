package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import servicerunner.plan.PlanParser;
import servicerunner.plan.PreparedPlan;

/** The engine used as a library: build a run, observe it, await it, cancel it. */
class EngineLibraryTest {

  private static PreparedPlan plan(String json) throws Exception {
    return PreparedPlan.prepare(PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "test"));
  }

  @Test
  void callbacksSeeEveryTaskAndTheOutcome() throws Exception {
    List<String> events = new ArrayList<>();
    CallbackObserver cb = new CallbackObserver()
        .onTaskStarted((i, t) -> events.add("start " + i))
        .onOutput(l -> events.add("out " + l))
        .onTaskFinished(r -> events.add("done " + r.index() + " " + r.status().id()));
    RunEngine engine = new RunEngine(
        plan("[{\"type\":\"command\",\"command\":[\"echo\",\"x\"]},{\"type\":\"command\",\"command\":[\"false\"]}]"),
        RunOptions.defaults(), new CompositeObserver().required("callbacks", cb));
    RunOutcome o = engine.start().await(Duration.ofSeconds(30)).orElseThrow();
    assertEquals(List.of("start 0", "out 0:command:x", "done 0 success", "start 1", "done 1 failure"), events);
    assertEquals(OverallStatus.COMPLETED_WITH_ERRORS, o.overallStatus());
    assertEquals(2, o.results().size());
  }

  @Test
  void cancelEndsTheRunningTaskAndRecordsTheRestAsNotRun() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    CallbackObserver cb = new CallbackObserver().onOutput(l -> sleeping.countDown());
    RunEngine engine = new RunEngine(
        plan("[{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"echo up; sleep 30\"]},"
            + "{\"type\":\"command\",\"command\":[\"true\"]}]"),
        RunOptions.defaults(), new CompositeObserver().required("callbacks", cb));
    RunHandle h = engine.start();
    assertTrue(sleeping.await(20, TimeUnit.SECONDS), "task 0 never started");
    h.cancel();
    RunOutcome o = h.await(Duration.ofSeconds(20)).orElseThrow();
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
    assertEquals("skipped", o.results().get(0).status().id());
    assertEquals("Interrupted", o.results().get(0).summary().get("reason").asText());
    assertTrue(o.results().get(1).summary().get("reason").asText().startsWith("Not run"));
  }

  /** The README's library example: a parallel plan, its state changes, a snapshot, close(). */
  @Test
  void theReadmeExampleSeesWhyEachTaskWaits() throws Exception {
    List<String> states = java.util.Collections.synchronizedList(new ArrayList<>());
    RunObserver obs = new RunObserver() {
      @Override
      public void taskStateChanged(TaskState s) {
        states.add(s.toString());
      }
    };
    PreparedPlan p = plan("{\"parallel_execution\": true, \"max_parallel\": 2, \"tasks\": ["
        + "{\"id\": \"scan\", \"type\": \"command\", \"command\": [\"sleep\", \"1\"], \"resources\": [\"disk:C:\"]},"
        + "{\"type\": \"command\", \"command\": [\"sleep\", \"1\"], \"resources\": [\"disk:C:\"]},"
        + "{\"type\": \"command\", \"command\": [\"echo\", \"after scan\"], \"needs\": [\"scan\"]}]}");
    RunOutcome o;
    try (RunHandle run = new RunEngine(p, RunOptions.defaults(), new CompositeObserver().required("states", obs)).start()) {
      assertEquals(3, run.snapshot().size());
      o = run.await(Duration.ofSeconds(60)).orElseThrow();
    }
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
    assertTrue(states.containsAll(List.of("0 running", "1 waiting (resource disk:C:)", "2 waiting (needs task 0)",
        "0 ended success", "1 running", "2 running", "1 ended success", "2 ended success")), states.toString());
    assertTrue(states.indexOf("0 ended success") < states.indexOf("1 running"), states.toString());
  }

  @Test
  void anOptionalObserverThatFailsIsDroppedAndTheRunGoesOn() throws Exception {
    List<String> logs = new ArrayList<>();
    RunObserver broken = new RunObserver() {
      @Override
      public void taskStarted(int index, String type) {
        throw new IllegalStateException("disk full");
      }
    };
    RunObserver logger = new RunObserver() {
      @Override
      public void log(String line) {
        logs.add(line);
      }
    };
    CompositeObserver c = new CompositeObserver().required("log", logger).optional("journal", broken);
    RunOutcome o = new RunEngine(plan("[{\"type\":\"command\",\"command\":[\"true\"]}]"), RunOptions.defaults(), c).runHere();
    assertEquals(OverallStatus.SUCCESS, o.overallStatus());
    assertTrue(logs.stream().anyMatch(l -> l.contains("journal failed")), logs.toString());
  }

  @Test
  void aRequiredObserverThatFailsStopsTheRun() throws Exception {
    RunObserver broken = new RunObserver() {
      @Override
      public void taskStarted(int index, String type) {
        throw new IllegalStateException("pipe closed");
      }
    };
    RunOutcome o = new RunEngine(plan("[{\"type\":\"command\",\"command\":[\"true\"]},{\"type\":\"command\",\"command\":[\"true\"]}]"),
        RunOptions.defaults(), new CompositeObserver().required("stderr", broken)).runHere();
    assertEquals(OverallStatus.STOPPED, o.overallStatus());
    assertEquals(2, o.results().size());
  }
}
