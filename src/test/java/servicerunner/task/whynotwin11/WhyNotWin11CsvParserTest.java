package servicerunner.task.whynotwin11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;

class WhyNotWin11CsvParserTest {

  @Test
  void sameChecksInEveryEncoding() {
    var bom = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "not-ready-utf8-bom.rc0.utf8")));
    var rowOnly = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "row-only.rc0.utf8")));
    assertEquals(bom.get("checks"), rowOnly.get("checks"));
    assertEquals("OLD-LAPTOP", bom.get("hostname").asText());
    var utf16 = WhyNotWin11CsvParser.parse(Fixtures.bytes(Fixtures.path("tool-output", "whynotwin11_check", "not-ready-utf16le.rc0.utf16le")));
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
