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

/** stop and pause (contract section 5): they take effect after the current task; a second stop ends it now. */
class ControlStopPauseIT {
  @TempDir Path dir;

  @Test
  void stopLetsTheCurrentTaskFinishThenSkipsTheRest() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir,
        plan(false, task("sleep 2; echo finished"), task("echo two"), task("echo three")))) {
      h.await("TASK_START:0:");
      h.action("stop");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 3);
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals("success", rep.get("results").get(0).get("status").asText(), "the current task finishes");
      for (int i = 1; i < 3; i++) {
        assertEquals("skipped", rep.get("results").get(i).get("status").asText());
        assertEquals("Run stopped by user", rep.get("results").get(i).path("summary").path("reason").asText());
      }
      assertEquals(List.of("TASK_START:0:command", "TASK_OK:0:command", "RUN_STOPPED:user_requested",
          "TASK_SKIP:1:command - Run stopped by user", "TASK_SKIP:2:command - Run stopped by user"), r.taskMarkers());
      assertEquals("stopped", r.finalProgress().get("overall_status").asText());
    }
  }

  private void stopEndsTaskNow(String... actions) throws Exception {
    String s = ControlHarness.uniqueSleep();
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep " + s + " & sleep " + s + "; wait"),
        task("echo two")))) {
      h.await("TASK_START:0:");
      ControlHarness.awaitAlive(s);
      for (String a : actions) {
        h.write(a);
        h.await("Stop requested");
      }
      assertEquals("TASK_SKIP:0:command - Run stopped by user", h.await("TASK_SKIP:0:"));
      ControlHarness.assertGone(s);
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals("Run stopped by user", rep.get("results").get(1).path("summary").path("reason").asText());
      assertEquals(1, ControlHarness.count(r, "RUN_STOPPED:user_requested"));
    }
  }

  @Test
  void secondStopEndsTheRunningTreeAtOnce() throws Exception {
    stopEndsTaskNow("{\"action\":\"stop\",\"timestamp\":1}", "{\"action\":\"stop\",\"timestamp\":2}");
  }

  @Test
  void forceStopEndsTheRunningTreeAtOnce() throws Exception {
    stopEndsTaskNow("{\"action\":\"stop\",\"force\":true,\"timestamp\":1}");
  }

  @Test
  void pauseWaitsAfterTheTaskAndResumeContinues() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep 2; echo one"), task("echo two")))) {
      h.await("TASK_START:0:");
      h.action("pause");
      h.await("RUN_PAUSED:user_requested");
      // paused means waiting: task 1 may start only after the resume below (the marker order says so); a
      // repeated pause while paused is the controller's business (RunControllerTest)
      h.action("resume");
      h.await("RUN_RESUMED:user_requested");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      assertEquals("success", rep.get("overall_status").asText());
      assertFalse(Files.exists(h.control), "a consumed resume is deleted");
      assertEquals(List.of("TASK_START:0:command", "TASK_OK:0:command", "RUN_PAUSED:user_requested",
          "RUN_RESUMED:user_requested", "TASK_START:1:command", "TASK_OK:1:command"), r.taskMarkers());
      assertTrue(ControlHarness.indexOf(r, "PROGRESS_JSON:") < ControlHarness.indexOf(r, "RUN_PAUSED:"),
          "the finished task's progress comes before the pause");
    }
  }

  @Test
  void resumeWhileNotPausedIsIgnoredAndKept() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep 1; echo one")))) {
      h.await("TASK_START:0:");
      h.action("resume");
      RunResult r = h.finish().assertExit(0);
      h.assertReport(r, 1);
      assertEquals(0, ControlHarness.count(r, "RUN_RESUMED:"));
      assertTrue(Files.exists(h.control), "the reference keeps an unused resume file; so do we");
    }
  }

  @Test
  void stopWhilePausedStops() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep 2; echo one"), task("echo two")))) {
      h.await("TASK_START:0:");
      h.action("pause");
      h.await("RUN_PAUSED:user_requested");
      h.action("stop");
      h.await("RUN_STOPPED:user_requested");
      RunResult r = h.finish().assertExit(0);
      JsonNode rep = h.assertReport(r, 2);
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals("Run stopped by user", rep.get("results").get(1).path("summary").path("reason").asText());
      assertEquals(0, ControlHarness.count(r, "RUN_RESUMED:"));
    }
  }

  @Test
  void pauseBetweenTasksPausesAfterEveryTaskButTheLast() throws Exception {
    try (ControlHarness h = ControlHarness.start(dir,
        plan(true, task("echo one"), task("echo two"), task("echo three")))) {
      for (int i = 0; i < 2; i++) {
        h.await("RUN_PAUSED:auto_pause_between_tasks");
        h.action("resume");
        h.await("RUN_RESUMED:user_requested");
      }
      RunResult r = h.finish().assertExit(0);
      h.assertReport(r, 3);
      assertEquals(List.of("TASK_START:0:command", "TASK_OK:0:command", "RUN_PAUSED:auto_pause_between_tasks",
          "RUN_RESUMED:user_requested", "TASK_START:1:command", "TASK_OK:1:command",
          "RUN_PAUSED:auto_pause_between_tasks", "RUN_RESUMED:user_requested", "TASK_START:2:command",
          "TASK_OK:2:command"), r.taskMarkers());
    }
  }

  @Test
  void userPauseDuringAutoPauseRunIsAnnounced() throws Exception {
    // reference edge case (protocol 5.2): a user pause noticed with pause_between_tasks on entered a wait silently
    try (ControlHarness h = ControlHarness.start(dir, plan(true, task("sleep 2; echo one"), task("echo two")))) {
      h.await("TASK_START:0:");
      h.action("pause");
      h.await("RUN_PAUSED:");
      h.action("resume");
      h.await("RUN_RESUMED:user_requested");
      RunResult r = h.finish().assertExit(0);
      h.assertReport(r, 2);
      assertEquals(1, ControlHarness.count(r, "RUN_PAUSED:"), "one wait, one announcement: " + r.taskMarkers());
      assertEquals(1, ControlHarness.count(r, "RUN_RESUMED:"));
    }
  }
}
