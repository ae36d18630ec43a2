package servicerunner.task.speedtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;

class SpeedtestResultParserTest {

  /** A recorded case as the golden runner parses it: stderr- or stdout- text with the exit code in its name. */
  static ObjectNode golden(String name) {
    String text = new String(Fixtures.bytes(Fixtures.path("tool-output", "speedtest", name)), StandardCharsets.UTF_8);
    int exit = name.contains(".rc1.") ? 1 : 0;
    return name.startsWith("stderr-") ? SpeedtestResultParser.parse("", text, exit)
        : SpeedtestResultParser.parse(text, "", exit);
  }

  @Test
  void speedtestCliSpeedsAreBitsPerSecond() {
    ObjectNode s = golden("stdout-speedtest-cli-result.rc0.utf8");
    assertEquals(62.74, s.at("/human_readable/download_mbps").asDouble());
    assertEquals(11.75, s.at("/human_readable/upload_mbps").asDouble());
    assertEquals(15.02, s.at("/human_readable/ping_ms").asDouble());
    assertTrue(s.at("/human_readable/jitter_ms").isNull(), "speedtest-cli measures no jitter");
    assertEquals("AT&T, New York, NY, United States", s.at("/human_readable/server_description").asText());
    assertEquals("2020-01-19T22:05:10.986822Z", s.at("/results/timestamp").asText());
  }

  @Test
  void ooklaBandwidthIsBytesPerSecond() {
    ObjectNode s = golden("stdout-ookla-result.rc0.utf8");
    assertEquals(520.38, s.at("/human_readable/download_mbps").asDouble()); // 65047341 B/s * 8
    assertEquals(525.55, s.at("/human_readable/upload_mbps").asDouble());
    assertEquals(3.59, s.at("/human_readable/jitter_ms").asDouble());
    assertEquals(0.0, s.at("/human_readable/packet_loss_percent").asDouble());
    assertEquals(5, s.at("/human_readable/rating_stars").asInt());
    assertTrue(s.get("share_url").asText().startsWith("https://www.speedtest.net/result/c/"));
  }

  @Test
  void ooklaResultIsFoundAfterLicenseTextAndProgressLines() {
    ObjectNode lic = golden("stdout-ookla-license-then-json.rc0.utf8");
    assertTrue(lic.get("success").asBoolean());
    assertTrue(lic.at("/human_readable/packet_loss_percent").isMissingNode(), "no packetLoss in that output");
    ObjectNode jsonl = golden("stdout-ookla-jsonl-progress.rc0.utf8");
    assertEquals(520.38, jsonl.at("/human_readable/download_mbps").asDouble(), "the result line, not the progress");
  }

  @Test
  void slowLinkAndSkippedUpload() {
    ObjectNode s = golden("stdout-speedtest-cli-slow-no-upload.rc0.utf8");
    assertTrue(s.at("/human_readable/upload_mbps").isNull(), "0 from --no-upload is not a measurement");
    assertEquals(40, s.at("/human_readable/score").asInt()); // ping > 100 (-20), download < 10 (-40)
    assertEquals(2, s.at("/human_readable/rating_stars").asInt());
    assertEquals("poor", s.at("/human_readable/verdict").asText());
  }

  @Test
  void toolErrorsBecomeTheFailureReason() {
    assertEquals("Speed test failed: Cannot retrieve speedtest configuration: <urlopen error [Errno -2] Name or service"
        + " not known>", golden("stderr-speedtest-cli-no-network.rc1.utf8").get("error").asText());
    assertEquals("Speed test failed: HTTP Error 403: Forbidden", golden("stderr-speedtest-cli-403.rc1.utf8").get("error").asText());
    assertEquals("Speed test failed: Unable to connect to servers to test latency.",
        golden("stderr-speedtest-cli-no-servers.rc1.utf8").get("error").asText());
    assertEquals("Speed test failed: ValueError: invalid literal for int() with base 10: ''",
        golden("stderr-speedtest-cli-traceback.rc1.utf8").get("error").asText());
    ObjectNode ookla = golden("stdout-ookla-error-log.rc1.utf8");
    assertFalse(ookla.get("success").asBoolean());
    assertTrue(ookla.get("error").asText().contains("Could not retrieve or read configuration"));
    assertEquals("Speed test failed: speed test printed no result", SpeedtestResultParser.parse("", "", 0).get("error").asText());
  }

  /** Fields the app's speedtest renderer reads (contract section 6). */
  @Test
  void rendererFields() {
    for (String f : new String[] {"stdout-speedtest-cli-result.rc0.utf8", "stdout-ookla-result.rc0.utf8"}) {
      ObjectNode s = golden(f);
      RendererFields.assertField(s, "human_readable.download_mbps", JsonNodeType.NUMBER);
      RendererFields.assertField(s, "human_readable.upload_mbps", JsonNodeType.NUMBER);
      RendererFields.assertField(s, "human_readable.ping_ms", JsonNodeType.NUMBER);
      RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
      RendererFields.assertField(s, "human_readable.score", JsonNodeType.NUMBER);
      RendererFields.assertField(s, "human_readable.rating_stars", JsonNodeType.NUMBER);
      RendererFields.assertField(s, "results.timestamp", JsonNodeType.STRING);
    }
  }
}
