package servicerunner.task.adwcleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class AdwCleanerLogParserTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("adwcleaner_clean");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, AdwCleanerLogParser.parse(Decoding.decodeAuto(Fixtures.bytes(raw))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameResultWithLfOrCrOnly(Path raw) {
    String crlf = Decoding.decodeAuto(Fixtures.bytes(raw));
    assertEquals(AdwCleanerLogParser.parse(crlf), AdwCleanerLogParser.parse(crlf.replace("\r\n", "\n")));
    assertEquals(AdwCleanerLogParser.parse(crlf), AdwCleanerLogParser.parse(crlf.replace("\r\n", "\r")), "CR-only line ends");
  }

  @Test
  void trailerAfterSeparatorIsNotAFinding() {
    var s = AdwCleanerLogParser.parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "adwcleaner_clean", "cleaned.txt"))));
    assertEquals(0, s.get("preinstalled").size());
    assertFalse(s.toString().contains("Reset Winsock"));
    assertEquals(7, s.get("cleaned").asInt());
  }

  @Test
  void stopsAtEof() {
    var s = AdwCleanerLogParser.parse("# Cleaned: 1\n***** [ Files ] *****\nDeleted a\n########## EOF ##########\nDeleted b\n");
    assertEquals(1, s.get("files").size());
  }
}
