package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

class WindowsUpdateReportTest {

  private static JsonNode parse(String text) {
    return WindowsUpdateReport.parse(text).<JsonNode>map(s -> s).orElse(Json.object().put("json_found", false));
  }

  /** Bug B16: the reference cut stdout from the first '{' to the last '}'. */
  @Test
  void bracesInLogLinesDoNotConfuseTheParser() {
    String out = Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "windows_update", "updated.rc0.utf8")));
    assertTrue(out.contains("{\"not\": \"the result\"}"));
    JsonNode s = parse(out);
    assertEquals(3, s.get("install").get("count_installed").asInt());
    assertEquals(1, s.get("install").get("count_driver_installed").asInt());
    assertEquals("updated", s.get("human_readable").get("verdict").asText());
    assertEquals(false, parse("{\"errors\":[]}\n").path("json_found").asBoolean(true));
  }
}
