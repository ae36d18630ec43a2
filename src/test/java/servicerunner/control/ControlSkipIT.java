package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static servicerunner.control.ControlHarness.plan;
import static servicerunner.control.ControlHarness.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;

/** skip (contract section 5): during a task it ends the whole tree at once; between tasks it applies to the next. */
class ControlSkipIT {
  @TempDir Path dir;

  private void skipRunningTree(String treeScript, String marker) throws Exception {
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task(treeScript), task("echo after")))) {
      h.await("TASK_START:0:");
      ControlHarness.awaitAlive(marker);
      h.action("skip");
      assertEquals("TASK_SKIP:0:command - User requested skip", h.await("TASK_SKIP:0:"));
      ControlHarness.assertGone(marker);
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      JsonNode skipped = rep.get("results").get(0);
      assertEquals("skipped", skipped.get("status").asText());
      assertEquals("User requested skip", skipped.path("summary").path("reason").asText());
      assertTrue(skipped.path("summary").path("duration_seconds").asDouble() > 0, "the skipped task keeps its duration");
      assertEquals("success", rep.get("results").get(1).get("status").asText(), "the run goes on");
      assertEquals("success", rep.get("overall_status").asText());
      assertTrue(r.progress().stream().anyMatch(p -> p.path("last_result").path("status").asText().equals("skipped")),
          "the skipped task has its PROGRESS_JSON");
      assertFalse(Files.exists(h.control), "a consumed skip is deleted");
    }
  }

  @Test
  void skipEndsShellAndItsGrandchildren() throws Exception {
    String s = ControlHarness.uniqueSleep();
    skipRunningTree("sleep " + s + " & sleep " + s + " & wait", s);
  }

  @Test
  void skipEndsToolThatIgnoresSigterm() throws Exception {
    String s = ControlHarness.uniqueSleep();
    skipRunningTree("trap '' TERM; sleep " + s + " & sleep " + s + "; echo survived", s);
  }

  @Test
  void skipEndsTreeWhoseGrandchildLeftTheSessionAndHoldsThePipe() throws Exception {
    String s = ControlHarness.uniqueSleep();
    // setsid: the grandchild is in another session and process group, but still writes to the task's pipe
    skipRunningTree("setsid sh -c 'echo grandchild; sleep " + s + "' & sleep " + s + "; wait", s);
  }

  @Test
  void skipWhilePausedBetweenTasksAppliesToTheNextTask() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir, plan(true, task("echo one"), task("echo two"), task("echo three")))) {
      h.await("RUN_PAUSED:auto_pause_between_tasks");
      h.action("skip");
      h.await("Skip requested between tasks");
      h.action("resume");
      h.await("RUN_RESUMED:user_requested");
      h.await("RUN_PAUSED:auto_pause_between_tasks");
      h.action("resume");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 3);
      assertEquals("success", rep.get("results").get(0).get("status").asText(), "a finished result is never thrown away");
      assertEquals("User requested skip", rep.get("results").get(1).path("summary").path("reason").asText());
      assertEquals("success", rep.get("results").get(2).get("status").asText());
      assertEquals(-1, ControlHarness.indexOf(r, "TASK_START:1:"), "the skipped task never started");
      assertTrue(r.taskMarkers().contains("TASK_SKIP:1:command - User requested skip"));
    }
  }

  @Test
  void aSkipIsActedOnOnceEvenIfTheFileIsReadManyTimes() throws Exception {
    String s = ControlHarness.uniqueSleep();
    String t = ControlHarness.uniqueSleep();
    try (ControlHarness h = ControlHarness.start(dir,
        plan(false, task("sleep " + s), task("sleep 1; echo " + t + " ran")))) {
      h.await("TASK_START:0:");
      String body = "{\"action\":\"skip\",\"timestamp\":1700000000}";
      h.write(body);
      h.await("TASK_SKIP:0:");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      assertEquals("success", rep.get("results").get(1).get("status").asText(), "one skip ends one task only");
      assertEquals(1, ControlHarness.count(r, "TASK_SKIP:"));
    }
  }

  /**
   * Junk in the control file (ControlFileTest: each is no command) does not upset the live watcher: a real skip
   * written after it is still obeyed, once, and nothing else happens.
   */
  @Test
  void junkControlFilesAreNoSignalAndARealSkipAfterThemIsObeyed() throws Exception {
    String s = ControlHarness.uniqueSleep();
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep " + s), task("echo two")))) {
      h.await("TASK_START:0:");
      ControlHarness.awaitAlive(s);
      for (String junk : List.of("", "{\"act", "not json", "{\"action\":\"dance\"}", "[1,2]", "{\"action\":42}",
          "{\"action\":\"sk", "\u0000\u0001\u00ff")) {
        h.write(junk);
      }
      h.action("skip");
      assertEquals("TASK_SKIP:0:command - User requested skip", h.await("TASK_SKIP:0:"));
      ControlHarness.assertGone(s);
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      assertEquals("success", rep.get("overall_status").asText(), r.stderrText());
      assertEquals(List.of("TASK_START:0:command", "TASK_SKIP:0:command - User requested skip", "TASK_START:1:command",
          "TASK_OK:1:command"), r.taskMarkers());
    }
  }
}
