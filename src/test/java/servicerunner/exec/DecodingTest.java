package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingTest {

  @Test
  void sniffsUtf16leWithoutBom() {
    byte[] b = "Beginning system scan.".getBytes(StandardCharsets.UTF_16LE);
    assertEquals(StandardCharsets.UTF_16LE, Decoding.sniff(b));
  }

  @Test
  void utf8StaysUtf8AndInvalidUtf8FallsBack() {
    assertEquals(StandardCharsets.UTF_8, Decoding.sniff("plain ascii".getBytes(StandardCharsets.UTF_8)));
    Charset cp850 = Charset.forName("IBM850");
    byte[] oem = "Zeitüberschreitung der Anforderung.".getBytes(cp850);
    assertEquals(cp850, Decoding.sniff(oem, oem.length, cp850));
  }

  @Test
  void oemForAnsiFollowsWindowsPairs() {
    assertEquals("IBM437", OemCodePage.forAnsi("windows-1252", java.util.Locale.US));
    assertEquals("IBM850", OemCodePage.forAnsi("windows-1252", java.util.Locale.GERMANY));
    assertEquals("IBM866", OemCodePage.forAnsi("windows-1251", java.util.Locale.ROOT));
  }
}
