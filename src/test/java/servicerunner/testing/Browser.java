package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless chromium: one launch renders a file three ways (DOM after layout, a PNG screenshot, a PDF as
 * printed), then poppler's pdftotext reads back the text a printed page shows. Launches are slow on a loaded
 * machine, so a test renders once and asserts on all three.
 */
public final class Browser {
  private Browser() {}

  /** What one page rendered as. {@code text} is the PDF's text with runs of whitespace folded to one space. */
  public record Rendered(String dom, Path png, Path pdf, String text, int pdfPages) {}

  public static Rendered render(Path html, Path outDir) throws IOException, InterruptedException {
    Path chromium = Tools.require("chromium");
    Path pdftotext = Tools.require("pdftotext");
    Files.createDirectories(outDir);
    Path png = outDir.resolve("page.png");
    Path pdf = outDir.resolve("page.pdf");
    Path dom = outDir.resolve("dom.html");
    Path log = outDir.resolve("chromium.log");
    // --no-sandbox: the tests run as root in a container, where chromium's sandbox cannot start
    ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-extensions",
        "--user-data-dir=" + outDir.resolve("profile"), "--hide-scrollbars", "--window-size=1000,1400",
        "--no-pdf-header-footer", "--screenshot=" + png, "--print-to-pdf=" + pdf, "--dump-dom",
        html.toUri().toString())
        .redirectOutput(dom.toFile())
        .redirectError(log.toFile());
    pb.environment().put("DBUS_SESSION_BUS_ADDRESS", "disabled:");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish rendering " + html);
    }
    assertEquals(0, p.exitValue(), "chromium exit code; log:\n" + Files.readString(log, StandardCharsets.UTF_8));
    assertTrue(Files.size(png) > 1000 && Files.size(pdf) > 1000, "screenshot and PDF written");
    Path txt = outDir.resolve("page.txt");
    Process t = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), txt.toString())
        .redirectErrorStream(true).start();
    String tOut = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(t.waitFor(2, TimeUnit.MINUTES) && t.exitValue() == 0, "pdftotext: " + tOut);
    String text = Files.readString(txt, StandardCharsets.UTF_8);
    int pages = text.split("\f", -1).length - 1;
    return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), png, pdf, text.replaceAll("\\s+", " "), pages);
  }

  /** Width and height of a PNG, from its IHDR chunk. */
  public static List<Integer> pngSize(Path png) throws IOException {
    byte[] b = Files.readAllBytes(png);
    assertEquals("\u0089PNG", new String(b, 0, 4, StandardCharsets.ISO_8859_1), "PNG signature");
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, 16, 8);
    return List.of(buf.getInt(), buf.getInt());
  }
}
