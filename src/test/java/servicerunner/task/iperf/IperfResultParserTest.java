package servicerunner.task.iperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;

class IperfResultParserTest {

  static String raw(String name) {
    return new String(Fixtures.bytes(Fixtures.path("tool-output", "iperf_test", name)), StandardCharsets.UTF_8);
  }

  static ObjectNode parse(String name) {
    return IperfResultParser.parse(raw(name), "", 0, IperfResultParser.Options.DEFAULT);
  }

  @Test
  void refusedConnectionIsAFailureEvenWithExitCodeZero() {
    ObjectNode s = parse("refused.rc0.utf8");
    assertFalse(s.get("success").asBoolean());
    assertEquals("iperf3: unable to connect to server: Connection refused", s.get("error").asText());
    assertEquals("connection_failed", s.at("/human_readable/verdict").asText());
    assertEquals(0, s.at("/human_readable/stability_score").asInt());
    assertTrue(s.get("reason").asText().contains("firewall"));
  }

  @Test
  void busyServerIsAConnectionFailureWithARetryHint() {
    ObjectNode s = parse("busy.rc0.utf8");
    assertEquals("connection_failed", s.at("/human_readable/verdict").asText());
    assertTrue(s.get("reason").asText().contains("busy"));
  }

  @Test
  void textModeErrorWithoutJson() {
    ObjectNode s = IperfResultParser.parse("", raw("text-mode-refused.rc0.utf8"), 1, IperfResultParser.Options.DEFAULT);
    assertEquals("connection_failed", s.at("/human_readable/verdict").asText());
    assertEquals("iperf3 could not connect: error - unable to connect to server: Connection refused",
        s.get("error").asText());
  }

  @Test
  void truncatedJsonIsNotASuccess() {
    ObjectNode s = parse("killed-mid-output.rc0.utf8");
    assertFalse(s.get("success").asBoolean());
    assertEquals("failed", s.at("/human_readable/verdict").asText());
    assertTrue(s.get("error").asText().startsWith("iperf3 printed no JSON result"));
  }

  @Test
  void nonZeroExitWithoutErrorTextFails() {
    ObjectNode s = IperfResultParser.parse(raw("tcp-forward-3s.rc0.utf8"), "", 3, IperfResultParser.Options.DEFAULT);
    assertEquals("iperf3 exited with code 3", s.get("error").asText());
  }

  @Test
  void throughputSeriesAndStats() {
    ObjectNode s = parse("tcp-forward-3s.rc0.utf8");
    assertTrue(s.get("success").asBoolean());
    assertEquals(3, s.get("throughput_over_time_mbps").size());
    assertTrue(s.at("/human_readable/throughput/mean").asDouble() > 1000, "loopback runs at Gbit/s");
    assertEquals("upload", s.at("/human_readable/direction").asText());
    assertEquals("TCP", s.at("/human_readable/protocol").asText());
    assertEquals("download", parse("tcp-reverse-parallel2.rc0.utf8").at("/human_readable/direction").asText());
  }

  @Test
  void omittedWarmUpIntervalsAreLeftOut() {
    ObjectNode s = parse("tcp-omit1-bitrate2g.rc0.utf8");
    assertEquals(4, s.at("/interval_stats/samples").asInt(), "5 intervals, the first flagged omitted");
  }

  @Test
  void udpQualityComesFromEndSum() {
    ObjectNode s = parse("udp-10m.rc0.utf8");
    assertEquals("UDP", s.at("/human_readable/protocol").asText());
    assertTrue(s.at("/human_readable/udp_quality/jitter_ms").isNumber());
    assertEquals(0.0, s.at("/human_readable/udp_quality/loss_percent").asDouble());
  }

  @Test
  void stallAndRetransmitsLowerTheScore() {
    ObjectNode s = parse("derived-stall-retransmits.rc0.utf8");
    assertEquals(1, s.at("/interval_stats/zero_throughput_intervals").asInt());
    // cov of (x, 0, y) is ~0.7 -> -50, stall -30, 49 retransmits -> -9
    assertEquals(11, s.at("/human_readable/stability_score").asInt());
    assertEquals("poor", s.at("/human_readable/verdict").asText());
  }

  @Test
  void thresholdCountsSlowIntervals() {
    ObjectNode s = IperfResultParser.parse(raw("tcp-omit1-bitrate2g.rc0.utf8"), "", 0,
        new IperfResultParser.Options(1.5e9, false, false));
    assertEquals(1, s.at("/interval_stats/below_threshold_intervals").asInt());
    assertEquals(1500.0, s.at("/human_readable/throughput/threshold_mbps").asDouble());
    assertEquals(25.0, s.at("/human_readable/throughput/below_threshold_percent").asDouble());
  }

  /** Fields the app's iperf renderer reads (contract section 6); server/port/duration come from the task. */
  @Test
  void rendererFields() {
    ObjectNode s = parse("tcp-forward-3s.rc0.utf8");
    RendererFields.assertField(s, "throughput_over_time_mbps", JsonNodeType.ARRAY);
    RendererFields.assertField(s, "throughput_over_time_mbps[0]", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.stability_score", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.direction", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.protocol", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.notes", JsonNodeType.ARRAY);
    RendererFields.assertField(s, "human_readable.throughput.mean", JsonNodeType.NUMBER);
    ObjectNode f = parse("refused.rc0.utf8");
    RendererFields.assertField(f, "error", JsonNodeType.STRING);
    RendererFields.assertField(f, "reason", JsonNodeType.STRING);
  }
}
