package servicerunner.task.bleachbit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.testing.Fixtures;

class BleachbitGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("bleachbit_clean");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void parsesRecordedOutput(Path raw) {
    String text = new String(Fixtures.bytes(raw), StandardCharsets.UTF_8);
    Fixtures.assertGolden(raw, BleachbitOutputParser.parse(text));
  }

  /** The same output with LF, CRLF and CR line ends gives the same summary. */
  @ParameterizedTest
  @MethodSource("cases")
  void lineEndingsDoNotMatter(Path raw) {
    String text = new String(Fixtures.bytes(raw), StandardCharsets.UTF_8).replace("\r\n", "\n");
    var lf = BleachbitOutputParser.parse(text);
    org.junit.jupiter.api.Assertions.assertEquals(lf, BleachbitOutputParser.parse(text.replace("\n", "\r\n")));
    org.junit.jupiter.api.Assertions.assertEquals(lf, BleachbitOutputParser.parse(text.replace("\n", "\r")));
  }
}
