package servicerunner.task.furmark;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class FurmarkGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("furmark_stress_test");
  }

  /** Decoded the way the runner decodes a child's output (auto: UTF-8 if valid, else the fallback code page). */
  @ParameterizedTest
  @MethodSource("cases")
  void parsesReport(Path raw) {
    Fixtures.assertGolden(raw, FurmarkReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(raw))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lineEndingsDoNotMatter(Path raw) {
    String text = Decoding.decodeAuto(Fixtures.bytes(raw)).replace("\r\n", "\n");
    var lf = FurmarkReportParser.parse(text);
    org.junit.jupiter.api.Assertions.assertEquals(lf, FurmarkReportParser.parse(text.replace("\n", "\r\n")));
    org.junit.jupiter.api.Assertions.assertEquals(lf, FurmarkReportParser.parse(text.replace("\n", "\r")));
  }
}
