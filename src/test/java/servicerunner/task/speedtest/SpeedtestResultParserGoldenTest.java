package servicerunner.task.speedtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.testing.Fixtures;

/**
 * Every recorded or reconstructed speed test output: {@code *.err} files are stderr of a run that exited 1, names
 * with "error" are stdout of a run that exited 1, the rest stdout of a run that exited 0.
 */
class SpeedtestResultParserGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("speedtest");
  }

  static ObjectNode parse(Path raw) {
    String name = raw.getFileName().toString();
    String text = new String(Fixtures.bytes(raw), StandardCharsets.UTF_8);
    if (name.endsWith(".err")) {
      return SpeedtestResultParser.parse("", text, 1);
    }
    return SpeedtestResultParser.parse(text, "", name.contains("error") ? 1 : 0);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path raw) {
    Fixtures.assertGolden(raw, parse(raw));
  }
}
