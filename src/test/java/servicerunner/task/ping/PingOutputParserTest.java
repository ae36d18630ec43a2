package servicerunner.task.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;

class PingOutputParserTest {

  static ObjectNode golden(String name) {
    byte[] raw = Fixtures.bytes(Fixtures.path("tool-output", "ping_test", name));
    return PingOutputParser.parse(PingOutputParser.decode(raw, Charset.forName("IBM850")), "target");
  }

  @Test
  void windowsUnreachableRepliesAreNotSuccesses() {
    ObjectNode s = golden("windows-en-unreachable.rc0.utf8");
    assertFalse(s.get("success").asBoolean());
    assertEquals(0, s.at("/packets/received").asInt());
    assertEquals(4, s.at("/packets/reported_received").asInt(), "the tool itself counted them as received");
    assertEquals(100.0, s.at("/packets/loss_percent").asDouble());
    assertEquals("unreachable", s.at("/human_readable/verdict").asText());
    assertTrue(s.get("error").asText().contains("Destination host unreachable"), s.get("error").asText());
  }

  @Test
  void germanOemOutputIsDecodedAndParsed() {
    ObjectNode s = golden("windows-de-cp850.rc0.cp850");
    assertTrue(s.get("success").asBoolean());
    assertEquals(3, s.at("/packets/received").asInt());
    assertEquals(25.0, s.at("/packets/loss_percent").asDouble());
    assertEquals(11.0, s.at("/latency_ms/avg").asDouble());
    assertEquals(3, s.at("/interval_stats/samples").asInt());
    assertTrue(s.get("message").asText().contains("Mittelwert"));
    assertTrue(golden("windows-de-cp850-unreachable.rc0.cp850").get("error").asText().startsWith("Host unreachable: target"));
  }

  @Test
  void subMillisecondReplyCountsAsHalfAMillisecond() {
    ObjectNode s = golden("windows-en-partial-loss.rc0.utf8");
    // samples 0.5, 7, 2 -> median 2, mean 3.167
    assertEquals(2.0, s.at("/interval_stats/median").asDouble());
    assertEquals(3.167, s.at("/interval_stats/mean").asDouble());
    assertEquals(0.0, s.at("/latency_ms/min").asDouble(), "the tool's own minimum is kept");
  }

  @Test
  void hundredPercentLossIsAFailureWithAnError() {
    for (String f : new String[] {"windows-en-all-lost.rc1.utf8", "linux-all-lost.rc1.utf8"}) {
      ObjectNode s = golden(f);
      assertFalse(s.get("success").asBoolean(), f);
      assertEquals(100.0, s.get("packet_loss_percent").asDouble(), f);
      assertTrue(s.at("/latency_ms/avg").isNull(), f);
      assertEquals("No reply from target: 4 of 4 packets lost", s.get("error").asText(), f);
    }
  }

  @Test
  void unknownHostSaysSo() {
    for (String f : new String[] {"windows-en-unknown-host.rc1.utf8", "linux-unknown-host.rc2.utf8"}) {
      ObjectNode s = golden(f);
      assertFalse(s.get("success").asBoolean());
      assertEquals("host_not_found", s.at("/human_readable/verdict").asText());
      assertTrue(s.get("error").asText().startsWith("Host not found: target"), s.get("error").asText());
    }
  }

  @Test
  void killedMidLineKeepsTheCompleteReplies() {
    ObjectNode s = golden("linux-partial-line-killed.rc143.utf8");
    assertEquals(2, s.at("/packets/received").asInt());
    assertTrue(s.get("success").asBoolean());
    assertEquals(0.039, s.at("/latency_ms/avg").asDouble());
  }

  @Test
  void highAndJitteryLatencyLowersTheScore() {
    ObjectNode s = golden("windows-en-lowercase-ttl.rc0.utf8");
    assertEquals(4, s.at("/packets/received").asInt(), "lower-case ttl= counts as a reply");
    // mean 221.25 ms (-25), stdev 123.6 / mean = 0.56 (-20)
    assertEquals(55, s.at("/human_readable/stability_score").asInt());
    assertEquals("fair", s.at("/human_readable/verdict").asText());
  }

  @Test
  void windowsIpv6RepliesHaveNoTtl() {
    ObjectNode s = golden("windows-en-ipv6.rc0.utf8");
    assertEquals(4, s.at("/packets/received").asInt());
    assertEquals(0.625, s.at("/interval_stats/mean").asDouble()); // 0.5, 0.5, 1, 0.5
  }

  @Test
  void ttlExpiredIsNotAReply() {
    ObjectNode s = golden("windows-en-ttl-expired.rc0.utf8");
    assertFalse(s.get("success").asBoolean());
    assertEquals(2, s.at("/packets/reported_received").asInt());
    assertEquals("No reply from target: 3 of 3 packets lost", s.get("error").asText());
  }

  @Test
  void emptyOutputIsAFailure() {
    ObjectNode s = PingOutputParser.parse("", "h");
    assertFalse(s.get("success").asBoolean());
    assertEquals("failed", s.at("/human_readable/verdict").asText());
    assertEquals("ping produced no result", s.get("error").asText());
  }
}
