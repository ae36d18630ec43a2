package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

class WindowsUpdateLogsReportTest {

  private static JsonNode parse(String text) {
    return WindowsUpdateLogsReport.extract(text).<JsonNode>map(j -> {
      ObjectNode s = WindowsUpdateLogsReport.summarize(j);
      WindowsUpdateLogsReport.addVerdict(s, List.of());
      return s;
    }).orElse(Json.object().put("json_found", false));
  }

  @Test
  void codesAreGroupedAcrossCaseAndLogs() {
    JsonNode s = parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "windows_update_logs_analysis", "errors.rc0.utf8"))));
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
