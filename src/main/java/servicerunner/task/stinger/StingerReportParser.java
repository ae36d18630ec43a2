package servicerunner.task.stinger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.json.Json;
import servicerunner.text.Text;

/**
 * Parses Stinger's HTML report ({@code Stinger_<date>_<time>.html}). The markup is reduced to text lines first
 * ({@code <br>} and block tags become line breaks, entities are decoded), then the lines the reference matches are
 * read. Pure function. {@code recognised} is false without the {@code TotalFiles} statistics line.
 */
public final class StingerReportParser {
  private StingerReportParser() {}

  private static final Pattern VERSION = Pattern.compile("Stinger.*?Version\\s+([\\d.]+)\\s+built on", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGINE = Pattern.compile("AV Engine version\\s+(v[\\d.]+)\\s+for Windows", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATA = Pattern.compile("Virus data file\\s+(v[\\d.]+)\\s+created on", Pattern.CASE_INSENSITIVE);
  private static final Pattern VIRUS_COUNT = Pattern.compile("Ready to scan for\\s+(\\d+)\\s+viruses", Pattern.CASE_INSENSITIVE);
  private static final Pattern START = Pattern.compile("(?:Custom\\s+)?scan initiated on\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern END = Pattern.compile("Scan completed on\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern INFECTION = Pattern.compile(
      "^\\s*(.+?)\\s+\\[MD5:([0-9A-Fa-f]{32})\\]\\s+is infected with\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOTAL = Pattern.compile("TotalFiles:[.\\s]*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLEAN = Pattern.compile("^\\s*Clean:[.\\s]*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_SCANNED = Pattern.compile("Not Scanned:[.\\s]*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INFECTED = Pattern.compile("Possibly Infected:[.\\s]*(\\d+)", Pattern.CASE_INSENSITIVE);

  /** The HTML as plain text lines. */
  static String toText(String html) {
    String t = html.replaceAll("(?i)<br\\s*/?>|</?(p|div|tr|li|pre|h\\d)[^>]*>", "\n");
    t = t.replaceAll("(?s)<[^>]*>", "");
    return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  public static ObjectNode parse(String html) {
    ObjectNode s = Json.object();
    for (String k : new String[] {"version", "engine_version", "virus_data_version", "virus_count", "scan_start_time",
        "scan_end_time", "total_files", "clean_files", "not_scanned", "infected_files"}) {
      s.putNull(k);
    }
    ArrayNode infections = s.putArray("infections");
    for (String line : Text.lines(toText(html))) {
      if (s.get("version").isNull()) {
        find(VERSION, line).ifPresent(v -> s.put("version", v));
      }
      find(ENGINE, line).ifPresent(v -> s.put("engine_version", v));
      find(DATA, line).ifPresent(v -> s.put("virus_data_version", v));
      find(VIRUS_COUNT, line).ifPresent(v -> s.put("virus_count", Long.parseLong(v)));
      find(START, line).ifPresent(v -> s.put("scan_start_time", v));
      find(END, line).ifPresent(v -> s.put("scan_end_time", v));
      find(TOTAL, line).ifPresent(v -> s.put("total_files", Long.parseLong(v)));
      find(CLEAN, line).ifPresent(v -> s.put("clean_files", Long.parseLong(v)));
      find(NOT_SCANNED, line).ifPresent(v -> s.put("not_scanned", Long.parseLong(v)));
      find(INFECTED, line).ifPresent(v -> s.put("infected_files", Long.parseLong(v)));
      Matcher m = INFECTION.matcher(line);
      if (m.find()) {
        infections.add(Json.object().put("file_path", m.group(1)).put("md5", m.group(2).toLowerCase(java.util.Locale.ROOT))
            .put("threat_name", m.group(3)));
      }
    }
    if (s.get("infected_files").isNull() && infections.size() > 0) {
      s.put("infected_files", infections.size());
    }
    s.put("recognised", !s.get("total_files").isNull());
    return s;
  }

  private static Optional<String> find(Pattern p, String line) {
    Matcher m = p.matcher(line);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
