package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

class WindowsUpdateLogsReportTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("windows_update_logs_analysis");
  }

  private static JsonNode parse(String text) {
    return WindowsUpdateLogsReport.extract(text).<JsonNode>map(j -> {
      ObjectNode s = WindowsUpdateLogsReport.summarize(j);
      WindowsUpdateLogsReport.addVerdict(s, List.of());
      return s;
    }).orElse(Json.object().put("json_found", false));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, parse(Decoding.decodeAuto(Fixtures.bytes(raw))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameResultWithLfOrCrOnly(Path raw) {
    String crlf = Decoding.decodeAuto(Fixtures.bytes(raw));
    assertEquals(parse(crlf), parse(crlf.replace("\r\n", "\n")));
    assertEquals(parse(crlf), parse(crlf.replace("\r\n", "\r")), "CR-only line ends");
  }

  @Test
  void codesAreGroupedAcrossCaseAndLogs() {
    JsonNode s = parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "windows_update_logs_analysis", "errors.out"))));
    JsonNode first = s.get("error_groups").get(0);
    assertEquals("0x80070643", first.get("error_code").asText());
    assertEquals(2, first.get("count").asInt());
    assertEquals(2, first.get("affected_packages").size());
    assertEquals("2026-11-24T21:14:03.5512210+01:00", first.get("latest_occurrence").asText());
    assertEquals(5, s.get("total_errors_found").asInt());
    assertEquals(4, s.get("unique_error_codes").asInt());
  }

  @Test
  void errExeXmlIsRead() {
    String[] hit = WindowsUpdateLogsReport.parseErrExe("<errs><err name=\"E_ACCESSDENIED\" source=\"winerror.h\">General\r\n access denied error</err></errs>").orElseThrow();
    assertEquals("E_ACCESSDENIED", hit[0]);
    assertEquals("General access denied error", hit[1]);
    assertTrue(WindowsUpdateLogsReport.parseErrExe("# as an HRESULT: ...").isEmpty());
  }
}
