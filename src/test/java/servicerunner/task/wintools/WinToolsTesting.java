package servicerunner.task.wintools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.task.ParamValidator;
import servicerunner.task.TaskType;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** Shared checks for the Windows tool types: parameter validation, plan runs and the hung-tool behaviour. */
public final class WinToolsTesting {
  private WinToolsTesting() {}

  /** Validation errors for the given task JSON (parameters only), with paths like tasks[0].name. */
  public static List<String> errors(TaskType type, String paramsJson) {
    try {
      ObjectNode given = (ObjectNode) Json.parse(paramsJson);
      return ParamValidator.validate(type.params(), given, n -> "tasks[0]." + n).errors();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String fakeTool(String name) {
    return Path.of("fixtures", "fake-tools", name).toString();
  }

  /** Runs one task through the jar (env pairs key, value, ...). */
  public static RunResult runTask(String taskJson, String... env) throws IOException, InterruptedException {
    RunnerProcess p = RunnerProcess.jar("{\"tasks\":[" + taskJson + "]}").timeout(Duration.ofSeconds(90));
    for (int i = 0; i + 1 < env.length; i += 2) {
      p.env(env[i], env[i + 1]);
    }
    RunResult r = p.run();
    r.assertProtocolClean();
    return r;
  }

  /**
   * Runs a type with the hung fake tool under a 2 s timeout and checks: failure, timed_out, TASK_FAIL marker, and
   * both the tool and its grandchild gone.
   */
  public static JsonNode assertHungToolKilled(String type, String extraParamsJson) throws Exception {
    return assertHungToolKilledWith(type, "\"timeout_seconds\":2" + (extraParamsJson.isEmpty() ? "" : "," + extraParamsJson));
  }

  /** As above with the limit given by the caller's parameters (e.g. a tool's own timeout_minutes). */
  public static JsonNode assertHungToolKilledWith(String type, String limitParamsJson) throws Exception {
    Path pidFile = Files.createTempFile("win-tools-hang", ".pid");
    Files.delete(pidFile);
    String task = "{\"type\":\"" + type + "\",\"executable_path\":\"" + fakeTool("win-tools-hang") + "\","
        + limitParamsJson + "}";
    RunResult r = runTask(task, "WIN_TOOLS_PIDFILE", pidFile.toString());
    JsonNode res = r.result(0);
    assertEquals("failure", res.get("status").asText(), res.toString());
    assertTrue(res.get("summary").path("timed_out").asBoolean(), res.toString());
    assertEquals("timed_out", res.get("summary").path("human_readable").path("verdict").asText(), res.toString());
    assertTrue(r.taskMarkers().stream().anyMatch(m -> m.startsWith("TASK_FAIL:0:" + type)), r.taskMarkers().toString());
    String[] pids = Files.readString(pidFile).trim().split("\\s+");
    for (String pid : pids) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (isAlive(pid) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(isAlive(pid), "process " + pid + " of the hung tool still runs");
    }
    Files.deleteIfExists(pidFile);
    return res;
  }

  /**
   * Runs a type with the hung fake tool, sends the app's "skip" through the control file once the tool printed its
   * line, and checks: TASK_SKIP marker, status skipped, tool and grandchild gone, well before any timeout.
   */
  public static JsonNode assertHungToolSkipped(String type) throws Exception {
    Path pidFile = Files.createTempFile("win-tools-hang", ".pid");
    Files.delete(pidFile);
    Path control = Files.createTempFile("win-tools-control", ".json");
    Files.delete(control);
    String plan = "{\"tasks\":[{\"type\":\"" + type + "\",\"executable_path\":\"" + fakeTool("win-tools-hang")
        + "\",\"timeout_seconds\":60}]}";
    RunnerProcess.Started run = RunnerProcess.jar(plan).env("WIN_TOOLS_PIDFILE", pidFile.toString())
        .env("AUTOSERVICE_CONTROL_FILE", control.toString()).start();
    assertTrue(run.awaitLine(l -> l.contains("[WU] working"), Duration.ofSeconds(30)) != null,
        "the hung tool's output was not streamed: " + run.linesSoFar());
    Files.writeString(control, "{\"action\":\"skip\",\"timestamp\":" + (System.currentTimeMillis() / 1000) + "}");
    RunResult r = run.waitFor(Duration.ofSeconds(40));
    r.assertProtocolClean();
    assertTrue(r.taskMarkers().contains("TASK_SKIP:0:" + type + " - User requested skip"), r.taskMarkers().toString());
    JsonNode res = r.result(0);
    assertEquals("skipped", res.get("status").asText(), res.toString());
    for (String pid : Files.readString(pidFile).trim().split("\\s+")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (isAlive(pid) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(isAlive(pid), "process " + pid + " of the skipped tool still runs");
    }
    Files.deleteIfExists(pidFile);
    Files.deleteIfExists(control);
    return res;
  }

  private static boolean isAlive(String pid) {
    return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
  }
}
