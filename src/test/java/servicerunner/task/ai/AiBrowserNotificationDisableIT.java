package servicerunner.task.ai;

import servicerunner.llm.FakeChatServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** ai_browser_notification_disable through the jar against temp copies of Chromium profiles. */
class AiBrowserNotificationDisableIT {
  static final String NOTIFICATIONS = "/profile/content_settings/exceptions/notifications";

  @TempDir Path tmp;
  FakeChatServer server;
  Path chromePrefs;
  Path edgePrefs;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeChatServer().answering(FakeChatServer.recommending("origin",
        o -> o.contains("facebook") || o.contains("dailydeals") || o.contains("youtube"),
        "estimated_reduction", "60% fewer interruptions"));
    chromePrefs = tmp.resolve("local/Google/Chrome/User Data/Default/Preferences");
    edgePrefs = tmp.resolve("local/Microsoft/Edge/User Data/Profile 1/Preferences");
    Files.createDirectories(chromePrefs.getParent());
    Files.createDirectories(edgePrefs.getParent());
    Files.copy(Fixtures.path("tool-output", "ai_browser_notification_disable", "chrome-default.rc0.utf8"), chromePrefs);
    Files.copy(Fixtures.path("ai", "edge-profile1-Preferences.json"), edgePrefs);
    Path ff = Files.createDirectories(tmp.resolve("roaming/Mozilla/Firefox/Profiles/k3x9.default-release"));
    Files.write(ff.resolve("permissions.sqlite"), "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  ObjectNode task() {
    return AiItSupport.task("ai_browser_notification_disable", server.baseUrl())
        .put("executable_path", "none")
        .put("browser_data_root", tmp.resolve("local").toString())
        .put("browser_roaming_root", tmp.resolve("roaming").toString());
  }

  static List<String> origins(JsonNode a) {
    return StreamSupport.stream(a.spliterator(), false).map(n -> n.path("origin").asText()).sorted()
        .collect(Collectors.toList());
  }

  static JsonNode read(Path p) throws Exception {
    return FakeChatServer.M.readTree(p.toFile());
  }

  @Test
  void previewModeWinsOverApplyChangesAndLeavesPreferencesAlone() throws Exception {
    byte[] before = Files.readAllBytes(chromePrefs);
    RunResult r = AiItSupport.run(tmp, task().put("apply_changes", true).put("preview_mode", true))
        .assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    JsonNode hr = s.get("human_readable");
    assertEquals("Preview Mode", hr.get("mode").asText());
    assertEquals(5, hr.get("total_notifications").asInt(), "4 allowed in Chrome Default + 1 in Edge Profile 1");
    assertEquals(3, hr.get("recommendations").asInt());
    assertEquals(2, hr.get("notifications_kept_enabled").asInt());
    assertEquals("60% fewer interruptions", hr.get("estimated_reduction").asText());
    assertFalse(s.at("/results/applied").asBoolean());
    assertEquals(List.of("https://www.dailydeals-shop.example:443", "https://www.facebook.com:443",
        "https://www.youtube.com:443"), origins(s.at("/results/to_disable")));
    assertEquals("Profile 1", s.at("/results/all_notifications/4/profile").asText());
    assertEquals("Microsoft Edge", s.at("/results/all_notifications/4/browser").asText());
    // Firefox is reported, not guessed at (B15)
    assertEquals("k3x9.default-release", s.at("/results/not_inspected/0/profile").asText());
    assertTrue(hr.get("verdict").asText().endsWith("; 1 Firefox profile(s) not inspected"), hr.toString());
    assertArrayEquals(before, Files.readAllBytes(chromePrefs));
    for (String f : List.of("total_notifications", "recommendations", "notifications_disabled",
        "notifications_skipped", "notifications_kept_enabled", "errors", "duration_seconds")) {
      RendererFields.assertField(s, "human_readable." + f, JsonNodeType.NUMBER);
    }
    for (String f : List.of("mode", "estimated_reduction", "model_used", "verdict")) {
      RendererFields.assertField(s, "human_readable." + f, JsonNodeType.STRING);
    }
    for (String f : List.of("all_notifications", "to_disable", "keep_enabled", "disabled", "errors")) {
      RendererFields.assertField(s, "results." + f, JsonNodeType.ARRAY);
    }
    RendererFields.assertField(s, "results.analysis_summary", JsonNodeType.OBJECT);
    RendererFields.assertField(s, "results.applied", JsonNodeType.BOOLEAN);
    for (String f : List.of("origin", "browser", "profile", "category", "reason", "user_impact", "alternative",
        "confidence", "permission")) {
      RendererFields.assertField(s, "results.to_disable[0]." + f, JsonNodeType.STRING);
    }
  }

  @Test
  void applyBlocksInPreferencesWithABackup() throws Exception {
    JsonNode original = read(chromePrefs);
    RunResult r = AiItSupport.run(tmp, task().put("apply_changes", true)).assertProtocolClean();
    r.assertStatus(0, "success");
    JsonNode s = r.result(0).get("summary");
    assertEquals("Applied Changes", s.at("/human_readable/mode").asText());
    assertEquals(3, s.at("/human_readable/notifications_disabled").asInt());
    assertTrue(s.at("/results/applied").asBoolean());
    JsonNode chrome = read(chromePrefs);
    JsonNode n = chrome.at(NOTIFICATIONS);
    assertEquals(2, n.get("https://www.facebook.com:443,*").get("setting").asInt());
    assertEquals(2, n.get("https://www.dailydeals-shop.example:443,*").get("setting").asInt());
    assertEquals(1, n.get("https://calendar.google.com:443,*").get("setting").asInt());
    assertEquals(1, n.get("http://localhost:8080,*").get("setting").asInt());
    assertEquals(original.at("/profile/content_settings/exceptions/geolocation"),
        chrome.at("/profile/content_settings/exceptions/geolocation"));
    assertEquals(original.get("browser"), chrome.get("browser"));
    assertEquals(2, read(edgePrefs).at(NOTIFICATIONS).get("https://www.youtube.com:443,*").get("setting").asInt());
    assertEquals(2, s.at("/results/backup_files").size());
    Path bak = Path.of(s.at("/results/backup_files/0").asText());
    assertEquals(chromePrefs.getParent(), bak.getParent());
    assertEquals(original, read(bak), "the .bak holds the file as it was");
  }

  @Test
  void aRunningBrowserIsLeftAlone() throws Exception {
    // a process whose executable is named "chrome", as Chrome's is on Windows (chrome.exe)
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path fakeChrome = Files.copy(Path.of("/bin/sleep"), bin.resolve("chrome"));
    Process chrome = new ProcessBuilder(fakeChrome.toString(), "120").start();
    try {
      byte[] before = Files.readAllBytes(chromePrefs);
      RunResult r = AiItSupport.run(tmp, task().put("apply_changes", true));
      r.assertStatus(0, "warning");
      JsonNode s = r.result(0).get("summary");
      assertEquals(1, s.at("/human_readable/notifications_disabled").asInt(), "Edge was closed");
      assertEquals(2, s.at("/human_readable/errors").asInt());
      assertTrue(s.at("/results/errors/0/error").asText().startsWith("Google Chrome is running"), s.toString());
      assertArrayEquals(before, Files.readAllBytes(chromePrefs));
    } finally {
      chrome.destroy();
      chrome.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnreadablePreferencesFileWithNothingElseIsAnEnumerationFailure() throws Exception {
    Files.writeString(chromePrefs, "{\"profile\": {truncated");
    Files.delete(edgePrefs);
    RunResult r = AiItSupport.run(tmp, task());
    r.assertStatus(0, "error");
    JsonNode s = r.result(0).get("summary");
    assertEquals("enumeration_failed", s.at("/results/error_type").asText());
    assertTrue(s.get("error").asText().startsWith("Failed to enumerate notification permissions: Google Chrome Default"),
        s.get("error").asText());
    assertEquals(0, server.received.size());
  }

  @Test
  void noBrowsersIsSuccessWithoutAskingTheModel() throws Exception {
    ObjectNode t = task().put("browser_data_root", tmp.resolve("nothing").toString())
        .put("browser_roaming_root", tmp.resolve("nothing").toString());
    RunResult r = AiItSupport.run(tmp, t);
    r.assertStatus(0, "success");
    assertEquals(0, r.result(0).at("/summary/human_readable/total_notifications").asInt());
    assertEquals(0, server.received.size());
  }

  @Test
  void theFixturePlanEndsWithACleanAiFailure() throws Exception {
    RunResult r = RunnerProcess.jar(Fixtures.path("test_ai_browser_notification_disable.json").toString()).run()
        .assertProtocolClean();
    r.assertStatus(0, "error");
    assertEquals("ai_failed", r.result(0).at("/summary/results/error_type").asText());
    assertEquals(4, r.result(0).at("/summary/human_readable/total_notifications").asInt());
  }

}
