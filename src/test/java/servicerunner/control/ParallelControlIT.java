package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static servicerunner.control.ControlHarness.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;

/** The control file in a parallel run: skip by index, a bare skip, stop and a second stop, as the app writes them. */
class ParallelControlIT {
  @TempDir Path dir;

  private static String parallel(String... tasks) {
    return "{\"parallel_execution\":true,\"max_parallel\":4,\"tasks\":[" + String.join(",", tasks) + "]}";
  }

  /** Lines of tasks that run side by side come in either order (the harness drops lines it was not waiting for). */
  private static void awaitAll(ControlHarness h, String... prefixes) throws InterruptedException {
    java.util.List<String> left = new java.util.ArrayList<>(java.util.List.of(prefixes));
    while (!left.isEmpty()) {
      var l = h.run.awaitLine(s -> left.stream().anyMatch(s::startsWith), ControlHarness.WAIT);
      assertTrue(l != null, "no line starting with " + left + "; stderr so far:\n" + String.join("\n", h.run.linesSoFar()));
      left.removeIf(l.line()::startsWith);
    }
  }

  private static String withId(String task, String id, String extra) {
    return "{\"id\":\"" + id + "\"," + extra + (extra.isEmpty() ? "" : ",") + task.substring(1);
  }

  @Test
  void skipByIndexEndsThatTreeOnlyAndAWaitingTaskNeverStarts() throws Exception {
    String a = ControlHarness.uniqueSleep();
    String b = ControlHarness.uniqueSleep();
    String plan = parallel(withId(task("sleep " + a), "a", ""), withId(task("sleep " + b), "b", ""),
        withId(task("echo never"), "c", "\"needs\":[\"a\"]"));
    try (ControlHarness h = ControlHarness.start(dir, plan)) {
      awaitAll(h, "TASK_START:0:", "TASK_START:1:");
      ControlHarness.awaitAlive(a);
      ControlHarness.awaitAlive(b);
      h.write("{\"action\":\"skip\",\"index\":1}");
      assertEquals("TASK_SKIP:1:command - User requested skip", h.await("TASK_SKIP:1:"));
      ControlHarness.assertGone(b);
      assertFalse(ControlHarness.processesWith(a).isEmpty(), "the other task is unaffected");
      h.write("{\"action\":\"skip\",\"index\":2}");
      assertEquals("TASK_SKIP:2:command - User requested skip", h.await("TASK_SKIP:2:"));
      h.action("skip"); // bare: the task started last that still runs, task 0
      h.await("TASK_SKIP:0:");
      ControlHarness.assertGone(a);
      RunResult r = h.finish().assertExit(0).assertProtocolClean();
      JsonNode rep = h.assertReport(r, 3);
      assertEquals("skipped", rep.get("results").get(2).get("status").asText());
      assertEquals(0, ControlHarness.count(r, "TASK_START:2:"), "a skipped waiting task never starts");
      assertEquals(3, r.progress().size());
    } finally {
      ControlHarness.killAll(a);
      ControlHarness.killAll(b);
    }
  }

  @Test
  void aParallelRunJournalsInFinishOrderAndResumeRerunsOnlyTheUnfinished() throws Exception {
    String s = ControlHarness.uniqueSleep();
    Path ran = dir.resolve("ran.txt");
    Path journal = dir.resolve("run.journal");
    String plan = parallel(task("echo 0 >> '" + ran + "'; sleep " + s),
        withId(task("echo 1 >> '" + ran + "'"), "first", ""),
        withId(task("echo 2 >> '" + ran + "'"), "second", "\"needs\":[\"first\"]"));
    try (ControlHarness h = ControlHarness.start(dir, plan, "--journal", journal.toString())) {
      awaitAll(h, "TASK_OK:1:", "TASK_OK:2:");
      ControlHarness.awaitAlive(s);
      h.run.process.destroyForcibly(); // kill -9 while task 0 still runs
      h.run.process.waitFor();
    } finally {
      ControlHarness.killAll(s);
    }
    List<String> journaled = new java.util.ArrayList<>();
    for (String l : Files.readAllLines(journal)) {
      if (!l.isBlank()) {
        journaled.add(servicerunner.json.Json.parse(l).get("index").asText());
      }
    }
    assertEquals(List.of("1", "2"), journaled, "journal lines in finish order; the running task is not in it");
    try (ControlHarness h = ControlHarness.start(dir, plan, "--journal", journal.toString(), "--resume")) {
      h.await("TASK_START:0:");
      ControlHarness.awaitAlive(s);
      h.write("{\"action\":\"skip\",\"index\":0}");
      h.await("TASK_SKIP:0:");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 3);
      assertTrue(rep.get("results").get(1).path("resumed").asBoolean());
      assertTrue(rep.get("results").get(2).path("resumed").asBoolean());
      assertEquals(0, ControlHarness.count(r, "TASK_START:1:") + ControlHarness.count(r, "TASK_START:2:"),
          "finished tasks do not run again");
      assertEquals(List.of("1", "2", "0", "0").stream().sorted().collect(Collectors.toList()),
          Files.readAllLines(ran).stream().sorted().collect(Collectors.toList()));
    } finally {
      ControlHarness.killAll(s);
    }
  }

  @Test
  void stopLetsRunningTasksFinishAndASecondStopEndsThem() throws Exception {
    String a = ControlHarness.uniqueSleep();
    String plan = "{\"parallel_execution\":true,\"max_parallel\":2,\"tasks\":[" + task("sleep " + a) + ","
        + task("while [ ! -e go ]; do sleep 0.02; done; echo short") + "," + task("echo never") + "," + task("echo never either") + "]}";
    try (ControlHarness h = ControlHarness.start(dir, plan)) {
      awaitAll(h, "TASK_START:0:", "TASK_START:1:");
      ControlHarness.awaitAlive(a);
      h.action("stop");
      h.await("Stop requested: the running tasks finish, then the run stops");
      java.nio.file.Files.writeString(dir.resolve("go"), ""); // only now may task 1 end
      h.await("TASK_OK:1:"); // the short task finishes
      assertFalse(ControlHarness.processesWith(a).isEmpty(), "a running task finishes after the first stop");
      h.action("stop");
      h.await("TASK_SKIP:0:");
      ControlHarness.assertGone(a);
      RunResult r = h.finish().assertExit(0).assertProtocolClean();
      JsonNode rep = h.assertReport(r, 4);
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals(0, ControlHarness.count(r, "TASK_START:2:"), "nothing starts after a stop");
      assertEquals(1, ControlHarness.count(r, "RUN_STOPPED:"));
    } finally {
      ControlHarness.killAll(a);
    }
  }
}
