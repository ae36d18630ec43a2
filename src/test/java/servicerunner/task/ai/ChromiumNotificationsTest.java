package servicerunner.task.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;

class ChromiumNotificationsTest {

  @Test
  void blockSetsSettingTwoAndTouchesNothingElse() throws Exception {
    Path raw = Fixtures.path("tool-output", "ai_browser_notification_disable", "chrome-default.rc0.utf8");
    JsonNode prefs = ChromiumNotifications.MAPPER.readTree(Fixtures.bytes(raw));
    JsonNode before = prefs.deepCopy();
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    assertTrue(ChromiumNotifications.block(prefs, "https://www.facebook.com:443,*", now));
    JsonNode e = prefs.at("/profile/content_settings/exceptions/notifications").get("https://www.facebook.com:443,*");
    assertEquals(2, e.get("setting").asInt());
    // base::Time: µs since 1601-01-01; 2026-01-02T03:04:05Z is 13411796645000000
    assertEquals("13411796645000000", e.get("last_modified").asText());
    assertFalse(ChromiumNotifications.block(prefs, "https://not-there.example:443,*", now));
    ((com.fasterxml.jackson.databind.node.ObjectNode) before.at("/profile/content_settings/exceptions/notifications"))
        .set("https://www.facebook.com:443,*", e);
    assertEquals(before, prefs);
  }
}
