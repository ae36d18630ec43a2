package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fake Windows tools under {@code fixtures/fake-tools/} (shell wrappers around {@code replay-win}), and the
 * hung-tool check every Windows type shares: the task times out, reports failure with {@code timed_out}, and the
 * tool's whole process tree is gone afterwards.
 */
public final class FakeTools {
  private FakeTools() {}

  public static String path(String name) {
    return "fixtures/fake-tools/" + name;
  }

  /** Runs one task (JSON object text, without timeout_seconds) against a hanging fake and checks the aftermath. */
  public static RunResult assertHungToolStopped(String type, String taskFields) throws Exception {
    Path pidFile = Files.createTempFile("replay-pid", ".txt");
    Files.delete(pidFile);
    String plan = "{\"tasks\":[{\"type\":\"" + type + "\"," + taskFields + ",\"timeout_seconds\":2}]}";
    RunResult r = RunnerProcess.jar(plan).env("REPLAY_PIDFILE", pidFile.toString()).timeout(Duration.ofSeconds(60))
        .run();
    r.assertProtocolClean();
    JsonNode res = r.result(0);
    assertEquals("failure", res.path("status").asText(), res.toString());
    assertTrue(res.path("summary").path("timed_out").asBoolean(), res.toString());
    assertTrue(res.path("summary").path("error").asText().contains("timed out"), res.toString());
    JsonNode hr = res.path("summary").path("human_readable");
    assertTrue(hr.path("verdict").isTextual() || hr.path("message").isTextual(), "human_readable on timeout: " + res);
    List<String> markers = r.taskMarkers();
    assertTrue(markers.stream().anyMatch(m -> m.startsWith("TASK_FAIL:0:" + type + " - ")), markers.toString());
    assertTrue(r.elapsed().toSeconds() < 40, "took " + r.elapsed());
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the hung tool's child " + pid
        + " is still running");
    Files.deleteIfExists(pidFile);
    return r;
  }

  /**
   * The app's "skip" (control file) while the fake tool hangs: the task ends as skipped with the app's reason, the
   * run goes on to the next task, and the tool's process tree is gone.
   */
  public static RunResult assertSkipEndsHungTool(String type, String taskFields) throws Exception {
    Path dir = Files.createTempDirectory("skip-test");
    Path pidFile = dir.resolve("pid");
    Path control = dir.resolve("control.json");
    String plan = "{\"tasks\":[{\"type\":\"" + type + "\"," + taskFields + ",\"timeout_seconds\":120},"
        + "{\"type\":\"command\",\"command\":[\"echo\",\"next\"]}]}";
    RunnerProcess.Started s = RunnerProcess.jar(plan).env("REPLAY_PIDFILE", pidFile.toString())
        .env("AUTOSERVICE_CONTROL_FILE", control.toString()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(pidFile), "the fake tool never started hanging: " + s.linesSoFar());
    Files.writeString(control, "{\"action\":\"skip\",\"timestamp\":" + System.currentTimeMillis() / 1000 + "}");
    RunResult r = s.waitFor(Duration.ofSeconds(60));
    r.assertProtocolClean();
    assertEquals("skipped", r.result(0).path("status").asText(), r.result(0).toString());
    assertTrue(r.taskMarkers().contains("TASK_SKIP:0:" + type + " - User requested skip"), r.taskMarkers().toString());
    assertEquals("success", r.result(1).path("status").asText(), "the run goes on after the skip");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child " + pid + " still running");
    return r;
  }
}
