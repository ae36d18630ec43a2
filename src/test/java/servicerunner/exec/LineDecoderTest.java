package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

  private static List<String> feedInChunks(byte[] bytes, OutputEncoding enc, int chunk) {
    List<String> lines = new ArrayList<>();
    LineDecoder d = new LineDecoder(enc, lines::add);
    for (int i = 0; i < bytes.length; i += chunk) {
      d.feed(bytes, i, Math.min(chunk, bytes.length - i));
    }
    d.finish();
    return lines;
  }

  @Test
  void splitsOnLfCrlfAndLoneCr() {
    byte[] b = "a\nb\r\nVerification 1% complete.\rVerification 99% complete.\r\nend".getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
      assertEquals(
          List.of("a", "b", "Verification 1% complete.", "Verification 99% complete.", "end"),
          feedInChunks(b, OutputEncoding.UTF8, chunk),
          "chunk size " + chunk);
    }
  }

  @Test
  void crlfSplitAcrossChunksIsOneBreak() {
    byte[] b = "x\r\ny".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("x", "y"), feedInChunks(b, OutputEncoding.UTF8, 2));
  }

  @Test
  void utf16leWithoutBomIsDetectedEvenWhenCharactersAreSplitBetweenReads() {
    String text = "Überprüfung 100 % abgeschlossen.\r\nDer Windows-Ressourcenschutz hat keine Integritätsverletzungen gefunden.\r\n";
    byte[] b = text.getBytes(StandardCharsets.UTF_16LE);
    for (int chunk : new int[] {1, 3, 5, 64, 4096}) {
      assertEquals(
          List.of("Überprüfung 100 % abgeschlossen.",
              "Der Windows-Ressourcenschutz hat keine Integritätsverletzungen gefunden."),
          feedInChunks(b, OutputEncoding.AUTO, chunk),
          "chunk size " + chunk);
    }
  }

  @Test
  void utf8MultibyteSplitBetweenReadsIsNotMangled() {
    byte[] b = "größe → 5 °C\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("größe → 5 °C"), feedInChunks(b, OutputEncoding.AUTO, 1));
  }

  @Test
  void bomIsStripped() {
    byte[] body = "hi\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] b = new byte[body.length + 2];
    b[0] = (byte) 0xff;
    b[1] = (byte) 0xfe;
    System.arraycopy(body, 0, b, 2, body.length);
    assertEquals(List.of("hi"), feedInChunks(b, OutputEncoding.AUTO, 4));
  }

  @Test
  void overlongLinesAreCut() {
    byte[] b = "x".repeat(LineDecoder.MAX_LINE_CHARS * 2 + 5).getBytes(StandardCharsets.UTF_8);
    List<String> lines = feedInChunks(b, OutputEncoding.UTF8, 4096);
    assertEquals(3, lines.size());
    assertEquals(LineDecoder.MAX_LINE_CHARS, lines.get(0).length());
    assertEquals(5, lines.get(2).length());
  }

  @Test
  void oemCodePageNamedCharsetDecodes() {
    byte[] b = "Ping-Statistik für 10.0.0.5:\r\n".getBytes(java.nio.charset.Charset.forName("IBM850"));
    assertEquals(List.of("Ping-Statistik für 10.0.0.5:"), feedInChunks(b, OutputEncoding.parse("IBM850"), 3));
  }
}
