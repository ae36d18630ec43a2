package servicerunner.task.whynotwin11;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.text.Text;

/**
 * Parses the CSV written by {@code WhyNotWin11.exe /export CSV <file> /silent}: a header and one row (hostname, then
 * one True/False per check), or the row alone with the usual 12 columns. UTF-8, UTF-8 with BOM and UTF-16 (BOM or
 * NUL pattern) are accepted. Pure function. {@code recognised} is false when no check column had a value.
 */
public final class WhyNotWin11CsvParser {
  private WhyNotWin11CsvParser() {}

  /** Column order of the export (the GUI's check labels, hostname first). */
  static final List<String> DEFAULT_COLUMNS = List.of("Hostname", "Architecture", "Boot Method", "CPU Compatibility",
      "CPU Core Count", "CPU Frequency", "DirectX + WDDM2", "Disk Partition Type", "RAM Installed", "Secure Boot",
      "Storage Available", "TPM Version");
  private static final Set<String> TRUE = Set.of("true", "yes", "1", "pass", "passed");
  private static final Set<String> FALSE = Set.of("false", "no", "0", "fail", "failed");

  public static ObjectNode parse(byte[] csv) {
    String text = Decoding.decodeAuto(csv);
    List<String> lines = Arrays.stream(Text.lines(text)).filter(l -> !l.isBlank()).toList();
    List<String> header;
    List<String> row;
    if (lines.size() >= 2) {
      header = split(lines.get(0));
      row = split(lines.get(lines.size() - 1));
    } else if (lines.size() == 1 && split(lines.get(0)).size() == DEFAULT_COLUMNS.size()
        && !split(lines.get(0)).get(0).equalsIgnoreCase("Hostname")) {
      header = DEFAULT_COLUMNS;
      row = split(lines.get(0));
    } else {
      header = lines.isEmpty() ? List.of() : split(lines.get(0));
      row = List.of();
    }
    ObjectNode s = Json.object();
    s.putNull("hostname");
    ObjectNode checks = s.putObject("checks");
    ArrayNode failing = s.putArray("failing_checks");
    ArrayNode passing = s.putArray("passing_checks");
    ArrayNode unknown = s.putArray("unknown_checks");
    for (int i = 0; i < header.size() && i < row.size(); i++) {
      String name = header.get(i).strip();
      String value = row.get(i).strip();
      if (name.equalsIgnoreCase("Hostname")) {
        s.put("hostname", value);
        continue;
      }
      String v = value.toLowerCase(Locale.ROOT);
      if (TRUE.contains(v)) {
        checks.put(name, true);
        passing.add(name);
      } else if (FALSE.contains(v)) {
        checks.put(name, false);
        failing.add(name);
      } else {
        checks.putNull(name);
        unknown.add(name);
      }
    }
    boolean recognised = passing.size() + failing.size() > 0;
    s.put("ready", recognised && failing.isEmpty() && unknown.isEmpty());
    ObjectNode raw = s.putObject("raw");
    raw.set("header", strings(header));
    raw.set("row", strings(row));
    s.put("recognised", recognised);
    return s;
  }

  private static ArrayNode strings(List<String> l) {
    ArrayNode a = Json.array();
    l.forEach(a::add);
    return a;
  }

  /** One CSV line; double-quoted fields may hold commas and doubled quotes. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
