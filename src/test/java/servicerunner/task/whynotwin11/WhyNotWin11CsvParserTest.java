package servicerunner.task.whynotwin11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.testing.Fixtures;

class WhyNotWin11CsvParserTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("whynotwin11_check");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, WhyNotWin11CsvParser.parse(Fixtures.bytes(raw)));
  }

  @Test
  void sameChecksInEveryEncoding() {
    var bom = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "not-ready-utf8-bom.csv")));
    var rowOnly = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "row-only.csv")));
    assertEquals(bom.get("checks"), rowOnly.get("checks"));
    assertEquals("OLD-LAPTOP", bom.get("hostname").asText());
    var utf16 = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "not-ready-utf16le.csv")));
    assertEquals("BÜRO-PC", utf16.get("hostname").asText());
    assertEquals(List.of("CPU Compatibility"), List.of(utf16.get("failing_checks").get(0).asText()));
  }

  @Test
  void lfOnlyAndQuotedFields() {
    var s = WhyNotWin11CsvParser.parse("\"Hostname\",\"TPM Version\"\n\"PC, one\",\"False\"\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("PC, one", s.get("hostname").asText());
    assertFalse(s.get("ready").asBoolean());
  }
}
