package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import servicerunner.json.Json;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** Writes a one-task plan to a file and runs the jar on it with a log file, the way the app starts the runner. */
final class AiItSupport {
  private AiItSupport() {}

  static ObjectNode task(String type, String baseUrl) {
    return Json.object().put("type", type).put("model", "openai/gpt-4o-mini").put("api_key", "sk-test-0123456789")
        .put("base_url", baseUrl).put("request_timeout_seconds", 20);
  }

  static Path writePlan(Path dir, ObjectNode task) throws IOException {
    ObjectNode plan = Json.object();
    plan.putArray("tasks").add(task);
    Path f = dir.resolve("plan.json");
    Files.writeString(f, Json.pretty(plan));
    return f;
  }

  static RunnerProcess runner(Path dir, ObjectNode task) throws IOException {
    return RunnerProcess.jar(writePlan(dir, task).toString(), "--log-file", dir.resolve("run.log").toString())
        .env("AUTOSERVICE_OPENAI_KEY", "").env("OPENAI_API_KEY", "");
  }

  static RunResult run(Path dir, ObjectNode task) throws Exception {
    return runner(dir, task).run();
  }
}
