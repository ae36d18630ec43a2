package servicerunner.task.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.testing.Fixtures;

/** Every raw ping transcript under fixtures/tool-output/ping_test against its expected summary. */
class PingOutputParserGoldenTest {
  static final Charset CP850 = Charset.forName("IBM850");

  static List<Path> cases() {
    return Fixtures.goldenCases("ping_test");
  }

  static ObjectNode parse(byte[] raw) {
    return PingOutputParser.parse(PingOutputParser.decode(raw, CP850), null);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path raw) {
    Fixtures.assertGolden(raw, parse(Fixtures.bytes(raw)));
  }

  /** The same transcript with LF, CRLF or bare CR line ends gives the same summary. */
  @ParameterizedTest
  @MethodSource("cases")
  void lineEndingsDoNotMatter(Path raw) {
    String text = PingOutputParser.decode(Fixtures.bytes(raw), CP850);
    String lf = text.replace("\r\n", "\n");
    ObjectNode want = PingOutputParser.parse(lf, null);
    assertEquals(want, PingOutputParser.parse(lf.replace("\n", "\r\n"), null));
    assertEquals(want, PingOutputParser.parse(lf.replace("\n", "\r"), null));
  }
}
