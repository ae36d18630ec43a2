package servicerunner.task.windowsupdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import servicerunner.json.Json;
import servicerunner.task.Verdict;
import servicerunner.json.MarkedJson;

/**
 * Groups the Windows Update error events the logs script printed: codes {@code 0x...} found in each message, counted
 * per code with the newest time and the update titles named in the messages. Pure function; names and
 * descriptions come from a small built-in table (Err.exe lookups are added by the handler).
 */
public final class WindowsUpdateLogsReport {
  private WindowsUpdateLogsReport() {}

  public static final String BEGIN = "<<<SR-WULOG-JSON-BEGIN>>>";
  public static final String END = "<<<SR-WULOG-JSON-END>>>";

  private static final Pattern CODE = Pattern.compile("0x[0-9A-Fa-f]{1,8}\\b");
  /** "... with error 0x80070643: 2024-01 Security Update ... (KB5034441)." */
  private static final Pattern PACKAGE = Pattern.compile("0x[0-9A-Fa-f]{1,8}\\s*:\\s*(.+?)\\.?\\s*$", Pattern.DOTALL);
  private static final Pattern KB = Pattern.compile("\\bKB\\d{6,8}\\b");

  /** Well-known codes (Microsoft's Windows Update error reference); Err.exe, when given, takes precedence. */
  static final Map<String, String[]> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("0x80070643", new String[] {"ERROR_INSTALL_FAILURE", "Fatal error during installation."});
    KNOWN.put("0x800F0922", new String[] {"CBS_E_INSTALLERS_FAILED", "Processing advanced installers and generic commands failed."});
    KNOWN.put("0x800F081F", new String[] {"CBS_E_SOURCE_MISSING", "Source for package or file not found."});
    KNOWN.put("0x80073712", new String[] {"ERROR_SXS_COMPONENT_STORE_CORRUPT", "The component store has been corrupted."});
    KNOWN.put("0x80070002", new String[] {"ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."});
    KNOWN.put("0x800705B4", new String[] {"ERROR_TIMEOUT", "This operation returned because the timeout period expired."});
    KNOWN.put("0x80240034", new String[] {"WU_E_DOWNLOAD_FAILED", "Update failed to download."});
    KNOWN.put("0x8024402C", new String[] {"WU_E_PT_WINHTTP_NAME_NOT_RESOLVED", "The proxy server or target server name cannot be resolved."});
    KNOWN.put("0x80244022", new String[] {"WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL", "HTTP 503: the service is temporarily overloaded."});
    KNOWN.put("0x80240017", new String[] {"WU_E_NOT_APPLICABLE", "Operation was not performed because there are no applicable updates."});
  }

  /** The parsed script result, or empty when no result JSON was printed. */
  public static Optional<JsonNode> extract(String stdout) {
    return MarkedJson.extract(stdout, BEGIN, END);
  }

  /** Normalises a code to 0x + 8 upper-case hex digits, so 0x80070643 and 0x80070643 from two logs match. */
  static String normalise(String code) {
    String hex = code.substring(2).toUpperCase(Locale.ROOT);
    return "0x" + "0".repeat(Math.max(0, 8 - hex.length())) + hex;
  }

  public static ObjectNode summarize(JsonNode result) {
    Map<String, ObjectNode> groups = new LinkedHashMap<>();
    Map<String, Set<String>> packages = new LinkedHashMap<>();
    int total = 0;
    for (JsonNode e : Json.elements(result.get("events"))) {
      String message = e.path("message").asText("");
      String time = e.path("time").asText(null);
      Set<String> codes = CODE.matcher(message).results().map(m -> normalise(m.group()))
          .filter(c -> !c.equals("0x00000000")).collect(Collectors.toCollection(LinkedHashSet::new));
      if (codes.isEmpty()) {
        continue;
      }
      total++;
      String pkg = packageOf(message);
      for (String c : codes) {
        ObjectNode g = groups.computeIfAbsent(c, WindowsUpdateLogsReport::group);
        g.put("count", g.get("count").asInt() + 1);
        if (time != null && (g.get("latest_occurrence").isNull() || time.compareTo(g.get("latest_occurrence").asText()) > 0)) {
          g.put("latest_occurrence", time);
        }
        if (pkg != null) {
          packages.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(pkg);
        }
      }
    }
    List<ObjectNode> sorted = new ArrayList<>(groups.values());
    sorted.sort((a, b) -> b.get("count").asInt() - a.get("count").asInt());
    ObjectNode s = Json.object();
    s.put("time_frame", result.path("time_frame").asText());
    s.put("total_errors_found", total);
    s.put("unique_error_codes", sorted.size());
    sorted.forEach(g -> g.set("affected_packages",
        Json.valueToTree(packages.getOrDefault(g.get("error_code").asText(), Set.of()))));
    s.putArray("error_groups").addAll(sorted);
    ArrayNode qe = s.putArray("query_errors");
    Json.elements(result.get("query_errors")).forEach(n -> qe.add(n.asText()));
    s.put("events_read", Json.elements(result.get("events")).size());
    return s;
  }

  /** Adds human_readable from the groups (after any Err.exe lookups) and returns it as the task's verdict. */
  public static Verdict addVerdict(ObjectNode s, List<String> extraNotes) {
    int groups = s.get("unique_error_codes").asInt();
    String id = groups == 0 ? "no_errors" : "errors_found";
    List<String> notes = new ArrayList<>();
    if (groups == 0) {
      notes.add("No Windows Update errors in the selected time frame (" + s.get("time_frame").asText() + ").");
    } else {
      for (JsonNode g : s.get("error_groups")) {
        String name = g.path("error_name").isNull() ? "" : " " + g.get("error_name").asText();
        notes.add(g.get("error_code").asText() + name + ": " + g.get("count").asInt() + "x");
      }
    }
    notes.addAll(extraNotes);
    String line = s.get("total_errors_found").asInt() + " error events, " + groups + " distinct codes";
    ObjectNode hr = s.putObject("human_readable");
    notes.forEach(hr.putArray("notes")::add);
    hr.put("verdict", id);
    hr.put("summary_line", line);
    return new Verdict(id, line, notes);
  }

  private static ObjectNode group(String code) {
    String[] known = KNOWN.get(code);
    return Json.object().put("error_code", code).put("error_name", known == null ? null : known[0])
        .put("error_description", known == null ? null : known[1]).put("count", 0).putNull("latest_occurrence")
        .putNull("ai_analysis");
  }

  private static String packageOf(String message) {
    Matcher m = PACKAGE.matcher(message.strip());
    if (m.find()) {
      String p = m.group(1).strip();
      if (!p.isEmpty() && p.length() <= 300) {
        return p;
      }
    }
    Matcher kb = KB.matcher(message);
    return kb.find() ? kb.group() : null;
  }

  private static final Pattern ERR_XML = Pattern.compile("<err\\s+name\\s*=\\s*\"?([^\">\\s]+)\"?[^>]*>(.*?)</err>",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  /** Name and description from {@code Err.exe /:xml <code>} output ({@code <err name="X">text</err>}). */
  public static Optional<String[]> parseErrExe(String output) {
    Matcher m = ERR_XML.matcher(output);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new String[] {m.group(1).strip(), m.group(2).strip().replaceAll("\\s+", " ")});
  }
}
