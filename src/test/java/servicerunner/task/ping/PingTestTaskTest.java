package servicerunner.task.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Platform;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;

class PingTestTaskTest {

  @Test
  void argvPerPlatform() {
    assertEquals(List.of("ping", "-n", "4", "-w", "1500", "-l", "64", "h"),
        PingTestTask.argv(Platform.WINDOWS, "ping", "h", 4, 1500.0, 64.0));
    assertEquals(List.of("ping", "-c", "4", "-W", "2", "-s", "64", "--", "h"),
        PingTestTask.argv(Platform.LINUX, "ping", "h", 4, 1500.0, 64.0));
    assertEquals(List.of("ping", "-c", "2", "-W", "1", "--", "h"),
        PingTestTask.argv(Platform.LINUX, "ping", "h", 2, 200.0, null));
    assertEquals(List.of("ping", "-n", "3", "h"), PingTestTask.argv(Platform.WINDOWS, "ping", "h", 3, null, null));
  }

  @Test
  void processTimeoutCoversEveryReplyPlusMargin() {
    assertEquals(Duration.ofSeconds(4 * 4 + 30), PingTestTask.processTimeout(4, null));
    assertEquals(Duration.ofSeconds(10 * 1 + 30), PingTestTask.processTimeout(10, 200.0), "at least 1 s per reply");
    assertEquals(Duration.ofMillis(3 * 2500 + 30_000), PingTestTask.processTimeout(3, 2500.0));
  }

  /** Fields the app's ping renderer reads (contract section 6). */
  @Test
  void rendererFields() {
    byte[] raw = Fixtures.bytes(Fixtures.path("tool-output", "ping_test", "linux-loopback-ok.rc0.utf8"));
    ObjectNode s = PingOutputParser.parse(PingOutputParser.decode(raw, null), "127.0.0.1");
    RendererFields.assertField(s, "latency_ms.avg", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "latency_ms.max", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "packets.loss_percent", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "interval_stats.stdev", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.stability_score", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
    assertEquals("excellent", s.at("/human_readable/verdict").asText());
  }
}
