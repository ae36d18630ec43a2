package servicerunner.task.stinger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class StingerReportParserTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("trellix_stinger_scan");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, StingerReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(raw))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameResultWithLfOrCrOnly(Path raw) {
    String crlf = Decoding.decodeAuto(Fixtures.bytes(raw));
    assertEquals(StingerReportParser.parse(crlf), StingerReportParser.parse(crlf.replace("\r\n", "\n")));
    assertEquals(StingerReportParser.parse(crlf), StingerReportParser.parse(crlf.replace("\r\n", "\r")), "CR-only line ends");
  }

  @Test
  void entitiesAreDecodedInPaths() {
    var s = StingerReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(
        Fixtures.path("tool-output", "trellix_stinger_scan", "infected.html"))));
    assertEquals("C:\\Users\\tech\\AppData\\Local\\Temp\\tmp & co\\drop.dll",
        s.get("infections").get(1).get("file_path").asText());
  }
}
