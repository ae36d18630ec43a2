package servicerunner.task.ai;

import servicerunner.llm.FakeChatServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** ai_startup_disable through the jar: fake reg on Linux, fixture Startup folder, a real local chat server. */
@Order(2) // among the longest ITs: started early
@Execution(ExecutionMode.CONCURRENT) // each case has its own folder, server, port and runner
class AiStartupDisableIT {
  static final Set<String> LAUNCHERS = Set.of("Discord", "Steam", "Spotify");

  @TempDir Path tmp;
  FakeChatServer server;
  Path startup;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer().answering(FakeChatServer.recommending("name", LAUNCHERS::contains,
        "potential_boot_time_saving", "5-10 seconds"));
    startup = Files.createDirectories(tmp.resolve("Startup"));
    try (Stream<Path> s = Files.list(Fixtures.path("ai", "startup-folder"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, startup.resolve(p.getFileName()));
      }
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  ObjectNode task() {
    ObjectNode t = AiItSupport.task("ai_startup_disable", server.baseUrl());
    t.put("executable_path", Fixtures.path("fake-tools", "reg").toString());
    t.putArray("startup_folders").add(startup.toString());
    t.put("backup_dir", tmp.resolve("backups").toString());
    return t;
  }

  RunResult run(ObjectNode task) throws Exception {
    return AiItSupport.runner(tmp, task).env("FAKE_REG_LOG", tmp.resolve("reg.log").toString()).run();
  }

  List<String> regCalls() throws Exception {
    Path log = tmp.resolve("reg.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  static List<String> names(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText())
        .sorted().collect(Collectors.toList());
  }

  @Test
  void dryRunPreviewsEvenWithApplyChangesAndChangesNothing() throws Exception {
    RunResult r = run(task().put("apply_changes", true).put("dry_run", true)).assertProtocolClean();
    r.assertStatus(0, "success");
    assertEquals(List.of("TASK_START:0:ai_startup_disable", "TASK_OK:0:ai_startup_disable"), r.taskMarkers());
    JsonNode s = r.result(0).get("summary");
    JsonNode hr = s.get("human_readable");
    assertEquals("Preview Mode", hr.get("mode").asText());
    assertEquals(10, hr.get("total_items").asInt(), "8 Run values (RunOnce HKLM absent, (Default) and empty skipped) + 2 files");
    assertEquals(3, hr.get("recommendations").asInt());
    assertEquals(0, hr.get("items_disabled").asInt());
    assertEquals(7, hr.get("items_kept_enabled").asInt());
    assertEquals("5-10 seconds", hr.get("estimated_boot_time_saving").asText());
    assertEquals("gpt-4o-mini", hr.get("model_used").asText());
    assertFalse(s.at("/results/applied").asBoolean());
    assertEquals(List.of("Discord", "Spotify", "Steam"), names(s.at("/results/to_disable")));
    assertEquals(444, s.at("/results/ai_usage/total_tokens").asInt());
    // desktop.ini is Explorer's, not a startup item
    assertFalse(names(s.at("/results/all_items")).contains("desktop"));
    assertTrue(Files.exists(startup.resolve("Discord.lnk")), "preview leaves the shortcut in place");
    assertTrue(regCalls().stream().allMatch(c -> c.startsWith("query ")), regCalls().toString());
    assertEquals(5, regCalls().size(), "one reg query per Run key");
    JsonNode req = server.received.get(0).body();
    assertEquals("gpt-4o-mini", req.get("model").asText(), "LiteLLM provider prefix dropped");
    assertEquals(10, FakeChatServer.sentItems(req).size());
    assertRendererFields(s);
  }

  static void assertRendererFields(JsonNode s) {
    for (String f : List.of("total_items", "items_enumerated", "recommendations", "items_disabled", "items_skipped",
        "items_kept_enabled", "errors", "duration_seconds")) {
      RendererFields.assertField(s, "human_readable." + f, JsonNodeType.NUMBER);
    }
    for (String f : List.of("mode", "estimated_boot_time_saving", "model_used", "verdict")) {
      RendererFields.assertField(s, "human_readable." + f, JsonNodeType.STRING);
    }
    for (String f : List.of("all_items", "items", "to_disable", "keep_enabled", "disabled", "errors")) {
      RendererFields.assertField(s, "results." + f, JsonNodeType.ARRAY);
    }
    RendererFields.assertField(s, "results.analysis_summary", JsonNodeType.OBJECT);
    RendererFields.assertField(s, "results.applied", JsonNodeType.BOOLEAN);
    for (String f : List.of("name", "command", "location", "location_display", "category", "reason", "user_impact",
        "manual_launch", "risk", "confidence")) {
      RendererFields.assertField(s, "results.to_disable[0]." + f, JsonNodeType.STRING);
    }
    RendererFields.assertField(s, "results.to_disable[0].publisher", JsonNodeType.STRING, JsonNodeType.NULL);
    RendererFields.assertField(s, "results.to_disable[0].is_microsoft_signed", JsonNodeType.BOOLEAN);
  }

  @Test
  void applyBacksUpAndDeletesRegistryValuesAndMovesFiles() throws Exception {
    RunResult r = run(task().put("apply_changes", true)).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("Applied Changes", s.at("/human_readable/mode").asText());
    assertEquals(3, s.at("/human_readable/items_disabled").asInt());
    assertTrue(s.at("/results/applied").asBoolean());
    assertEquals(List.of("Discord", "Spotify", "Steam"), names(s.at("/results/disabled")));
    assertFalse(Files.exists(startup.resolve("Discord.lnk")));
    assertTrue(Files.exists(startup.resolve("DisabledStartup").resolve("Discord.lnk")));
    assertTrue(Files.exists(startup.resolve("sync-notes.bat")), "kept items stay");
    List<String> calls = regCalls();
    String runOnce = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce";
    int export = indexOf(calls, "export " + runOnce + " ");
    int delete = calls.indexOf("delete " + runOnce + " /v Spotify /f");
    assertTrue(export >= 0 && delete > export, "export before delete: " + calls);
    assertTrue(calls.contains("delete HKLM\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Run /v Steam /f"),
        calls.toString());
    assertEquals(2, s.at("/results/backup_files").size());
    for (JsonNode b : s.at("/results/backup_files")) {
      assertTrue(Files.isRegularFile(Path.of(b.asText())), b.asText());
      assertTrue(b.asText().startsWith(tmp.resolve("backups").toString()));
    }
  }

  @Test
  void aFailedDeleteGivesWarningWhenOthersWereDisabled() throws Exception {
    RunResult r = AiItSupport.runner(tmp, task().put("apply_changes", true))
        .env("FAKE_REG_LOG", tmp.resolve("reg.log").toString()).env("FAKE_REG_FAIL_VALUE", "Steam").run();
    r.assertStatus(0, "warning");
    JsonNode s = r.result(0).get("summary");
    assertEquals(2, s.at("/human_readable/items_disabled").asInt());
    assertEquals(1, s.at("/human_readable/errors").asInt());
    assertEquals("Steam", s.at("/results/errors/0/name").asText());
    assertTrue(s.at("/results/errors/0/error").asText().contains("unable to find"), s.toString());
  }

  @Test
  void aMalformedAnswerIsAnAiFailureWithAnExcerpt() throws Exception {
    server.answering(req -> "I think Steam can go. {not json");
    RunResult r = run(task().put("apply_changes", true)).assertProtocolClean();
    r.assertStatus(0, "error");
    JsonNode s = r.result(0).get("summary");
    assertEquals("ai_failed", s.at("/results/error_type").asText());
    assertEquals("I think Steam can go. {not json", s.at("/results/raw_answer_excerpt").asText());
    assertEquals(10, s.at("/human_readable/total_items").asInt());
    assertFalse(s.at("/results/applied").asBoolean());
    assertTrue(r.taskMarkers().contains(
        "TASK_FAIL:0:ai_startup_disable - AI analysis failed: the model's answer is not valid JSON"), r.stderrText());
    assertTrue(Files.exists(startup.resolve("Discord.lnk")), "nothing applied");
  }

  @Test
  void aHungEndpointTimesOutPerRequest() throws Exception {
    server.delaying(30_000);
    RunResult r = run(task().put("request_timeout_seconds", 1));
    r.assertStatus(0, "error");
    // the server answers after 30 s: a request that waited for it would succeed, not say this
    assertEquals("AI analysis failed: the AI request timed out after 1 s", r.result(0).at("/summary/error").asText());
  }

  @Test
  void aSkipDuringTheRequestEndsTheTask() throws Exception {
    server.delaying(30_000);
    Path control = tmp.resolve("control.json");
    RunnerProcess.Started p = AiItSupport.runner(tmp, task()).env("AUTOSERVICE_CONTROL_FILE", control.toString()).start();
    p.awaitLine(l -> l.contains("Asking http://127.0.0.1"), Duration.ofSeconds(60));
    Files.writeString(control, "{\"action\":\"skip\",\"timestamp\":1}");
    RunResult r = p.waitFor(Duration.ofSeconds(20));
    r.assertStatus(0, "skipped");
    assertTrue(r.taskMarkers().get(1).startsWith("TASK_SKIP:0:ai_startup_disable"), r.taskMarkers().toString());
  }

  @Test
  void aHungRegEndsTheEnumerationAtOnceWithTheSharedTimedOutOutcome() throws Exception {
    ObjectNode t = task().put("timeout_seconds", 3);
    t.putArray("startup_folders").add(Files.createDirectories(tmp.resolve("empty")).toString());
    RunResult r = AiItSupport.runner(tmp, t).env("FAKE_REG_SLEEP", "60").run().assertProtocolClean();
    r.assertStatus(0, "failure");
    JsonNode s = r.result(0).get("summary");
    assertEquals("timed_out", s.at("/human_readable/verdict").asText());
    assertTrue(s.get("timed_out").asBoolean(), s.toString());
    // reg sleeps 60 s and then answers: a reg that was not stopped would not read as timed out; the queries after
    // it never start, so the sentence is the first one's with its real duration
    assertTrue(s.get("error").asText().matches("reg timed out after [1-9]\\d* s and was stopped"),
        s.get("error").asText());
    assertEquals(0, server.received.size());
  }

  @Test
  void missingKeyIsAParameterError() throws Exception {
    ObjectNode t = task();
    t.remove("api_key");
    RunResult r = run(t);
    r.assertStatus(0, "error");
    assertEquals("missing_parameters", r.result(0).at("/summary/results/error_type").asText());
    assertTrue(r.result(0).at("/summary/error").asText().contains("AUTOSERVICE_OPENAI_KEY"));
    assertEquals(0, server.received.size());
  }

  @Test
  void noStartupItemsIsSuccessWithoutAskingTheModel() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path noKeys = Files.writeString(tmp.resolve("none.out"), "");
    ObjectNode t = task().put("registry_export_file", noKeys.toString());
    t.putArray("startup_folders").add(empty.toString());
    RunResult r = run(t);
    r.assertStatus(0, "success");
    assertEquals(0, r.result(0).at("/summary/human_readable/total_items").asInt());
    assertEquals("No startup items found", r.result(0).at("/summary/human_readable/verdict").asText());
    assertEquals(0, server.received.size());
  }

  @Test
  void aSavedRegQueryOutputReplacesRegQuery() throws Exception {
    ObjectNode t = task().put("registry_export_file",
        Fixtures.path("tool-output", "ai_startup_disable", "server-run-pdf24.rc0.utf8").toString());
    RunResult r = run(t);
    r.assertStatus(0, "success");
    List<String> all = names(r.result(0).at("/summary/results/all_items"));
    assertEquals(List.of("AzureArcSetup", "Discord", "PDF24", "SecurityHealth", "VMware User Process", "sync-notes"), all);
    assertTrue(regCalls().isEmpty(), "no reg query when the output is given");
  }

  @Test
  void withoutExecutablePathItIsWindowsOnly() throws Exception {
    ObjectNode t = task();
    t.remove("executable_path");
    RunResult r = run(t);
    r.assertStatus(0, "skipped");
    assertEquals("requires Windows", r.result(0).at("/summary/reason").asText());
  }

  @Test
  void theFixturePlanEndsWithACleanAiFailure() throws Exception {
    RunResult r = RunnerProcess.jar(Fixtures.path("test_ai_startup_disable.json").toString()).run()
        .assertProtocolClean();
    r.assertStatus(0, "error");
    assertEquals("ai_failed", r.result(0).at("/summary/results/error_type").asText());
    assertEquals(10, r.result(0).at("/summary/human_readable/total_items").asInt());
    assertTrue(r.result(0).at("/summary/error").asText().contains("could not be reached (connection refused)"),
        r.result(0).toString());
  }

  private static int indexOf(List<String> calls, String prefix) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
