package servicerunner.task.wintools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessSpec;

/**
 * Parses {@code reg query <key>} output (one or several keys concatenated). reg.exe prints a blank line, the full
 * key name from column 0, then one line per value indented by four spaces: {@code name    REG_TYPE    data}, the
 * three parts separated by four spaces (value names may themselves contain spaces, e.g. "VMware User Process").
 * Subkeys are listed as further column-0 key lines. Pure: text in, values out.
 */
public final class RegQueryParser {
  private RegQueryParser() {}

  /** One registry value as reg.exe printed it. */
  public record RegValue(String key, String name, String type, String data) {}

  private static final Pattern VALUE = Pattern.compile("^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$");

  public static List<RegValue> parse(String text) {
    List<RegValue> out = new ArrayList<>();
    String key = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.stripTrailing().replace("\t", "    ");
      Matcher m = VALUE.matcher(line);
      if (line.startsWith("HKEY_") || line.startsWith("HKLM\\") || line.startsWith("HKCU\\")) {
        key = line.trim();
      } else if (key != null && m.matches()) {
        out.add(new RegValue(key, m.group(1).strip(), m.group(2), m.group(3) == null ? "" : m.group(3).strip()));
      }
    }
    return out;
  }

  /** reg.exe with {@code args}, read in the console code page; it answers in milliseconds, so a minute is plenty. */
  public static ProcessSpec invocation(String regExe, String... args) {
    List<String> argv = new ArrayList<>(List.of(regExe));
    argv.addAll(List.of(args));
    return ProcessSpec.of(argv).withEncoding(OutputEncoding.parse("oem")).withTimeout(Duration.ofSeconds(60));
  }

  /** HKEY_LOCAL_MACHINE\… → HKLM\… (the short root names every reg.exe version accepts). */
  public static String shortKey(String key) {
    return key.replaceFirst("(?i)^HKEY_LOCAL_MACHINE\\\\", "HKLM\\\\")
        .replaceFirst("(?i)^HKEY_CURRENT_USER\\\\", "HKCU\\\\");
  }
}
