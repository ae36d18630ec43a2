package servicerunner.task.adwcleaner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.json.Json;
import servicerunner.text.Pairs;
import servicerunner.text.Text;

/**
 * Parses an AdwCleaner log ({@code AdwCleaner[C00].txt}): the {@code # Cleaned:} / {@code # Failed:} header and the
 * {@code ***** [ Section ] *****} blocks, up to {@code ########## EOF}. Pure function. {@code recognised} is false
 * when neither header count appeared (another language or format).
 */
public final class AdwCleanerLogParser {
  private AdwCleanerLogParser() {}

  private static final Pattern COUNT = Pattern.compile("^#\\s*(Cleaned|Failed|Mode)\\s*:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTION = Pattern.compile("^\\*{3,}\\s*\\[\\s*(.+?)\\s*\\]\\s*\\*{3,}\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^\\*{5,}\\s*$");

  /** Section title (lower case) to summary list. */
  static final Map<String, String> SECTIONS = Pairs.ordered("services", "services", "folders", "folders",
      "files", "files", "dll", "dlls", "wmi", "wmi", "shortcuts", "shortcuts", "tasks", "tasks",
      "registry", "registry", "preinstalled software", "preinstalled");
  /** Browser section title (lower case) to key under {@code browsers}. */
  static final Map<String, String> BROWSER_SECTIONS = Pairs.ordered("chromium (and derivatives)", "chromium",
      "chromium urls", "chromium_urls", "firefox (and derivatives)", "firefox", "firefox urls", "firefox_urls",
      "hosts file entries", "hosts");

  public static ObjectNode parse(String text) {
    ObjectNode s = Json.object();
    s.put("cleaned", 0);
    s.put("failed", 0);
    s.putNull("mode");
    SECTIONS.values().forEach(s::putArray);
    ObjectNode browsers = s.putObject("browsers");
    BROWSER_SECTIONS.values().forEach(browsers::putArray);
    boolean recognised = false;
    ArrayNode current = null;
    for (String raw : Text.lines(text)) {
      String line = raw.strip();
      if (line.startsWith("##########") && line.toUpperCase(Locale.ROOT).contains("EOF")) {
        break;
      }
      Matcher m = COUNT.matcher(line);
      if (m.find()) {
        String k = m.group(1).toLowerCase(Locale.ROOT);
        if (k.equals("mode")) {
          s.put("mode", m.group(2).toLowerCase(Locale.ROOT));
        } else if (m.group(2).matches("\\d+")) {
          s.put(k, Integer.parseInt(m.group(2)));
          recognised = true;
        }
        continue;
      }
      m = SECTION.matcher(line);
      if (m.find()) {
        String title = m.group(1).toLowerCase(Locale.ROOT);
        if (SECTIONS.containsKey(title)) {
          current = (ArrayNode) s.get(SECTIONS.get(title));
        } else if (BROWSER_SECTIONS.containsKey(title)) {
          current = (ArrayNode) browsers.get(BROWSER_SECTIONS.get(title));
        } else {
          // A section a newer AdwCleaner added: keep its lines rather than drop them.
          current = s.withArrayProperty("other");
        }
        continue;
      }
      if (SEPARATOR.matcher(line).matches()) {
        current = null; // the trailer block (tracing keys, Winsock reset, earlier logs) is not a finding list
        continue;
      }
      if (current == null || line.isEmpty() || line.startsWith("No malicious") || line.startsWith("No Preinstalled")) {
        continue;
      }
      current.add(line.replaceAll("\\s{2,}", " "));
    }
    s.put("recognised", recognised);
    return s;
  }
}
