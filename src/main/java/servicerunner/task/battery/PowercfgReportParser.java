package servicerunner.task.battery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Installed batteries" table of {@code powercfg /batteryreport} HTML (text in, batteries out; pure). The
 * table has one label column ({@code <span class="label">DESIGN CAPACITY</span>}) and one value column per battery;
 * capacities are "mWh" with the locale's thousands separator ("4,400 mWh", "45 730 mWh", "38.000 mWh").
 */
public final class PowercfgReportParser {
  private PowercfgReportParser() {}

  private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  public static List<BatteryData> parse(String html) {
    List<BatteryData> out = new ArrayList<>();
    int start = html.indexOf("Installed batteries");
    if (start < 0) {
      return out;
    }
    int end = html.indexOf("</table>", start);
    String table = html.substring(start, end < 0 ? html.length() : end);
    List<Map<String, String>> columns = new ArrayList<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      List<String> cells = CELL.matcher(row.group(1)).results().map(c -> clean(c.group(1))).toList();
      if (cells.size() < 2 || !row.group(1).contains("class=\"label\"")) {
        continue; // the header row (BATTERY 1, BATTERY 2) and spacer rows
      }
      String label = cells.get(0).toUpperCase(Locale.ROOT);
      for (int i = 1; i < cells.size(); i++) {
        while (columns.size() < i) {
          columns.add(new LinkedHashMap<>());
        }
        columns.get(i - 1).put(label, cells.get(i));
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      Map<String, String> c = columns.get(i);
      Double design = milliWattHours(c.get("DESIGN CAPACITY"));
      Double full = milliWattHours(c.get("FULL CHARGE CAPACITY"));
      if (design == null && full == null && c.get("NAME") == null) {
        continue;
      }
      Double cycles = milliWattHours(c.get("CYCLE COUNT"));
      out.add(new BatteryData("powercfg", "Battery " + (i + 1), text(c.get("MANUFACTURER")), text(c.get("NAME")),
          text(c.get("SERIAL NUMBER")), text(c.get("CHEMISTRY")), null, null, null,
          cycles == null ? null : (int) Math.round(cycles), null, full == null ? null : full / 1000,
          design == null ? null : design / 1000, null, null, null));
    }
    return out;
  }

  /** "4,400 mWh" -> 4400; "-" or empty -> null. Separators vary by locale, and capacities are whole numbers. */
  static Double milliWattHours(String v) {
    if (v == null) {
      return null;
    }
    String digits = v.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : Double.parseDouble(digits);
  }

  private static String clean(String cellHtml) {
    return TAG.matcher(cellHtml).replaceAll(" ").replace("&nbsp;", " ").replace("\u00a0", " ").replace("&amp;", "&")
        .replaceAll("\\s+", " ").strip();
  }

  private static String text(String v) {
    return v == null || v.isBlank() || v.equals("-") ? null : v;
  }
}
