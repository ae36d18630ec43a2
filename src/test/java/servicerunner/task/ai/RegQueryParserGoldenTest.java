package servicerunner.task.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.task.ai.RegQueryParser.RegValue;
import servicerunner.testing.Fixtures;

class RegQueryParserGoldenTest {

  static Stream<Path> cases() {
    return Fixtures.goldenCases("ai_startup_disable").stream();
  }

  static ArrayNode toJson(List<RegValue> values) {
    ArrayNode a = Json.array();
    values.forEach(v -> a.addObject().put("key", v.key()).put("name", v.name()).put("type", v.type())
        .put("data", v.data()));
    return a;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void parsesRecordedOutput(Path raw) {
    String text = Decoding.decodeAuto(Fixtures.bytes(raw));
    ArrayNode parsed = toJson(RegQueryParser.parse(text));
    Fixtures.assertGolden(raw, parsed);
    // the same output with LF or CR line ends (a file saved by another tool) parses the same
    String lf = text.replace("\r\n", "\n");
    assertEquals(parsed, toJson(RegQueryParser.parse(lf)));
    assertEquals(parsed, toJson(RegQueryParser.parse(lf.replace("\n", "\r"))));
  }

  @Test
  void valueNamesWithSpacesAndEmptyDataAreKept() {
    List<RegValue> v = RegQueryParser.parse(new String(Fixtures.bytes(
        Fixtures.path("tool-output", "ai_startup_disable", "wow6432-reconstructed.out")), StandardCharsets.US_ASCII));
    assertEquals(List.of("(Default)", "Steam", "EmptyValue", "Java Update Scheduler"),
        v.stream().map(RegValue::name).collect(java.util.stream.Collectors.toList()));
    assertEquals("", v.get(2).data());
    assertEquals("\"C:\\Program Files (x86)\\Steam\\steam.exe\" -silent", v.get(1).data());
  }

  @Test
  void aPowerShellRedirectedFileInUtf16ParsesTheSame() {
    // `reg query ... > run.txt` in PowerShell 5 writes UTF-16LE with a BOM; registry_export_file accepts it
    byte[] ascii = Fixtures.bytes(Fixtures.path("tool-output", "ai_startup_disable", "hklm-hkcu-run.out"));
    String text = new String(ascii, StandardCharsets.US_ASCII);
    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(toJson(RegQueryParser.parse(text)), toJson(RegQueryParser.parse(Decoding.decodeAuto(utf16))));
    assertEquals(6, RegQueryParser.parse(Decoding.decodeAuto(utf16)).size());
  }

  @Test
  void shortKeyUsesTheRootAbbreviations() {
    assertEquals("HKLM\\Software\\X", RegQueryParser.shortKey("HKEY_LOCAL_MACHINE\\Software\\X"));
    assertEquals("HKCU\\Software\\X", RegQueryParser.shortKey("HKEY_CURRENT_USER\\Software\\X"));
  }
}
