package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

class WindowsUpdateReportTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("windows_update");
  }

  private static JsonNode parse(String text) {
    return WindowsUpdateReport.parse(text).<JsonNode>map(s -> s).orElse(Json.object().put("json_found", false));
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

  /** Bug B16: the reference cut stdout from the first '{' to the last '}'. */
  @Test
  void bracesInLogLinesDoNotConfuseTheParser() {
    String out = Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "windows_update", "updated.out")));
    assertTrue(out.contains("{\"not\": \"the result\"}"));
    JsonNode s = parse(out);
    assertEquals(3, s.get("install").get("count_installed").asInt());
    assertEquals(1, s.get("install").get("count_driver_installed").asInt());
    assertEquals("updated", s.get("human_readable").get("verdict").asText());
    assertEquals(false, parse("{\"errors\":[]}\n").path("json_found").asBoolean(true));
  }
}
