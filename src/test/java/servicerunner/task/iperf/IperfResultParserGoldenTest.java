package servicerunner.task.iperf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.testing.Fixtures;

/** Every iperf3 output under fixtures/tool-output/iperf_test against its expected summary (exit code 0, as recorded). */
class IperfResultParserGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("iperf_test");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path raw) {
    String out = new String(Fixtures.bytes(raw), StandardCharsets.UTF_8);
    Fixtures.assertGolden(raw, IperfResultParser.parse(out, "", 0, IperfResultParser.Options.DEFAULT));
  }
}
