package servicerunner.task.ai;

import servicerunner.llm.FakeChatServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * B23: the reference sent api_key to Sentry and logs. Here a known key must appear nowhere the runner writes:
 * stderr (markers and log lines), the --log-file, the stdout report, even when the endpoint or the model echoes it.
 */
class AiSecretsIT {
  static final String LITERAL = "sk-live-SECRET-4242-abcdef";
  static final String FROM_ENV = "sk-env-SECRET-9999-zyxwvu";

  @TempDir Path tmp;
  FakeChatServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  ObjectNode startupTask(String apiKey) {
    ObjectNode t = AiItSupport.task("ai_startup_disable", server.baseUrl()).put("api_key", apiKey);
    t.put("executable_path", Fixtures.path("fake-tools", "reg").toString());
    t.putArray("startup_folders").add(Fixtures.path("ai", "startup-folder").toString());
    return t;
  }

  void assertNowhere(String secret, RunResult r) throws Exception {
    assertFalse(r.stderrText().contains(secret), "key on stderr:\n" + r.stderrText());
    assertFalse(r.stdout().contains(secret), "key in the report");
    Path log = tmp.resolve("run.log");
    assertTrue(Files.exists(log), "the run wrote its log file");
    assertFalse(Files.readString(log).contains(secret), "key in the --log-file");
  }

  @Test
  void aLiteralKeyEchoedByA401IsMasked() throws Exception {
    server.failing(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + LITERAL
        + ". You can find your API key at https://platform.openai.com/account/api-keys.\"}}");
    RunResult r = AiItSupport.run(tmp, startupTask(LITERAL));
    r.assertStatus(0, "error");
    assertEquals("Bearer " + LITERAL, server.received.get(0).authorization(), "the key was really used");
    assertNowhere(LITERAL, r);
    String error = r.result(0).at("/summary/error").asText();
    assertTrue(error.contains("HTTP 401: Incorrect API key provided: ***."), error);
    assertEquals(error, r.result(0).at("/summary/human_readable/error").asText());
    assertEquals("ai_failed", r.result(0).at("/summary/results/error_type").asText());
    assertTrue(r.result(0).at("/summary/results/raw_answer_excerpt").asText().contains("***"));
  }

  @Test
  void anEnvKeyEchoedByTheModelIsMaskedInBothTypes() throws Exception {
    server.answering(req -> "{\"to_disable\":[{\"id\":\"" + FakeChatServer.sentItems(req).get(0).path("id").asText()
        + "\",\"reason\":\"saw key " + FROM_ENV + "\"}],\"keep_enabled\":[],\"analysis_summary\":{\"note\":\""
        + FROM_ENV + "\"}}");
    RunResult r = AiItSupport.runner(tmp, startupTask("env:MY_SERVICE_KEY")).env("MY_SERVICE_KEY", FROM_ENV).run();
    r.assertStatus(0, "success");
    assertEquals("Bearer " + FROM_ENV, server.received.get(0).authorization());
    assertNowhere(FROM_ENV, r);
    assertEquals("saw key ***", r.result(0).at("/summary/results/to_disable/0/reason").asText());

    Path prefs = tmp.resolve("local/Google/Chrome/User Data/Default/Preferences");
    Files.createDirectories(prefs.getParent());
    Files.copy(Fixtures.path("tool-output", "ai_browser_notification_disable", "chrome-default.rc0.utf8"), prefs);
    ObjectNode n = AiItSupport.task("ai_browser_notification_disable", server.baseUrl())
        .put("api_key", "env:MY_SERVICE_KEY").put("executable_path", "none")
        .put("browser_data_root", tmp.resolve("local").toString());
    r = AiItSupport.runner(tmp, n).env("MY_SERVICE_KEY", FROM_ENV).run();
    r.assertStatus(0, "success");
    assertNowhere(FROM_ENV, r);
    assertEquals("***", r.result(0).at("/summary/results/analysis_summary/note").asText());
  }

  @Test
  void aFallbackKeyInAMalformedAnswerIsMaskedWithAnInlinePlan() throws Exception {
    server.answering(req -> "not json, but the key " + FROM_ENV);
    ObjectNode t = startupTask("unused");
    t.remove("api_key");
    ObjectNode plan = Json.object();
    plan.putArray("tasks").add(t);
    RunResult r = RunnerProcess.jar(Json.compact(plan), "--log-file", tmp.resolve("run.log").toString())
        .env("AUTOSERVICE_OPENAI_KEY", FROM_ENV).env("OPENAI_API_KEY", "").run();
    r.assertStatus(0, "error");
    assertEquals("Bearer " + FROM_ENV, server.received.get(0).authorization());
    assertNowhere(FROM_ENV, r);
    assertEquals("not json, but the key ***", r.result(0).at("/summary/results/raw_answer_excerpt").asText());
  }
}
