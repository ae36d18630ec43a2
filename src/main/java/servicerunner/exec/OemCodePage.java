package servicerunner.exec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Windows console (OEM) code page. Java exposes only the ANSI code page ({@code native.encoding}), so the OEM
 * page is derived from it, the way Windows pairs them per locale. {@code SR_OEM_CHARSET} overrides the guess.
 */
final class OemCodePage {
  private OemCodePage() {}

  static Charset charset() {
    String override = System.getenv("SR_OEM_CHARSET");
    if (override != null && !override.isBlank()) {
      try {
        return Charset.forName(override.trim());
      } catch (RuntimeException ignored) {
        // fall through to the guess
      }
    }
    if (!Platform.current().isWindows()) {
      return StandardCharsets.UTF_8;
    }
    String ansi = System.getProperty("native.encoding", System.getProperty("file.encoding", "")).toLowerCase(Locale.ROOT);
    String oem = forAnsi(ansi, Locale.getDefault());
    try {
      return Charset.forName(oem);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  static String forAnsi(String ansi, Locale locale) {
    switch (ansi.replace("windows-", "cp")) {
      case "cp1250":
        return "IBM852";
      case "cp1251":
        return "IBM866";
      case "cp1253":
        return "x-IBM737";
      case "cp1254":
        return "IBM857";
      case "cp1255":
        return "IBM862";
      case "cp1256":
        return "x-IBM720";
      case "cp1257":
        return "IBM775";
      case "cp1252":
        return "en".equals(locale.getLanguage()) && "US".equals(locale.getCountry()) ? "IBM437" : "IBM850";
      case "utf-8":
        return "UTF-8";
      default:
        return ansi.isEmpty() ? "IBM437" : ansi; // CJK pages (GBK, MS932, ...) are the same for ANSI and OEM
    }
  }
}
