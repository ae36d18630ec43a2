package servicerunner.task.wintools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.task.ai.AiGolden;
import servicerunner.task.wintools.RegQueryParser.RegValue;
import servicerunner.testing.Fixtures;

class RegQueryParserTest {

  @Test
  void valueNamesWithSpacesAndEmptyDataAreKept() {
    List<RegValue> v = RegQueryParser.parse(new String(Fixtures.bytes(
        Fixtures.path("tool-output", "ai_startup_disable", "wow6432-reconstructed.rc0.utf8")),
        StandardCharsets.US_ASCII));
    assertEquals(List.of("(Default)", "Steam", "EmptyValue", "Java Update Scheduler"),
        v.stream().map(RegValue::name).collect(java.util.stream.Collectors.toList()));
    assertEquals("", v.get(2).data());
    assertEquals("\"C:\\Program Files (x86)\\Steam\\steam.exe\" -silent", v.get(1).data());
  }

  @Test
  void aPowerShellRedirectedFileInUtf16ParsesTheSame() {
    // `reg query ... > run.txt` in PowerShell 5 writes UTF-16LE with a BOM; registry_export_file accepts it
    byte[] ascii = Fixtures.bytes(Fixtures.path("tool-output", "ai_startup_disable", "hklm-hkcu-run.rc0.utf8"));
    String text = new String(ascii, StandardCharsets.US_ASCII);
    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(AiGolden.regValues(text), AiGolden.regValues(Decoding.decodeAuto(utf16)));
    assertEquals(6, RegQueryParser.parse(Decoding.decodeAuto(utf16)).size());
  }

  @Test
  void shortKeyUsesTheRootAbbreviations() {
    assertEquals("HKLM\\Software\\X", RegQueryParser.shortKey("HKEY_LOCAL_MACHINE\\Software\\X"));
    assertEquals("HKCU\\Software\\X", RegQueryParser.shortKey("HKEY_CURRENT_USER\\Software\\X"));
  }
}
