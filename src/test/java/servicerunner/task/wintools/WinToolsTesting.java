package servicerunner.task.wintools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import servicerunner.task.TaskType;
import servicerunner.testing.Declared;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * Shared helpers for the Windows tool types: parameter validation and plan runs. The hung-tool and skip checks are
 * the contract every tool-backed type inherits (servicerunner.task.TaskTypeContractTest).
 */
public final class WinToolsTesting {
  private WinToolsTesting() {}

  /** Validation errors for the given task JSON (parameters only), with paths like tasks[0].name. */
  public static List<String> errors(TaskType type, String paramsJson) {
    return Declared.errors(type.params(), paramsJson);
  }

  public static String fakeTool(String name) {
    return Path.of("fixtures", "fake-tools", name).toString();
  }

  /** Runs a fixtures/ plan through the jar (env pairs key, value, ...); its first result, which must have this status. */
  public static JsonNode fixtureResult(String plan, String status, String... env)
      throws IOException, InterruptedException {
    RunnerProcess p = RunnerProcess.jar(Fixtures.path(plan).toString());
    for (int i = 0; i + 1 < env.length; i += 2) {
      p.env(env[i], env[i + 1]);
    }
    return withStatus(p.run().assertProtocolClean().result(0), status);
  }

  /** {@link #runTask}'s result, which must have this status. */
  public static JsonNode taskResult(String status, String taskJson, String... env)
      throws IOException, InterruptedException {
    return withStatus(runTask(taskJson, env).result(0), status);
  }

  private static JsonNode withStatus(JsonNode result, String status) {
    assertEquals(status, result.path("status").asText(), result.toString());
    return result;
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
}
