package servicerunner.task.windowsupdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import servicerunner.json.Json;
import servicerunner.json.MarkedJson;

/**
 * Turns the windows_update script's stdout into the summary the app renders: the JSON between the markers, item
 * lists normalised (Windows PowerShell 5.1 collapses a one-element array into an object), the counts derived from
 * the items, and the verdict. Pure function.
 */
public final class WindowsUpdateReport {
  private WindowsUpdateReport() {}

  public static final String BEGIN = "<<<SR-WU-JSON-BEGIN>>>";
  public static final String END = "<<<SR-WU-JSON-END>>>";

  /** The summary, or empty when the script printed no result JSON. */
  public static Optional<ObjectNode> parse(String stdout) {
    return MarkedJson.extract(stdout, BEGIN, END).map(WindowsUpdateReport::summarize);
  }

  static ObjectNode summarize(JsonNode j) {
    ObjectNode s = Json.object();
    ArrayNode errors = strings(j.get("errors"));
    s.set("errors", errors);
    s.set("warnings", strings(j.get("warnings")));
    ObjectNode meta = s.putObject("meta");
    JsonNode m = j.path("meta");
    meta.put("module_available", m.path("module_available").asBoolean(false));
    for (String k : new String[] {"module_version", "get_command", "install_command"}) {
      JsonNode v = m.get(k);
      meta.put(k, v == null || v.isNull() ? null : v.asText());
    }

    ArrayNode pre = items(j.path("pre_scan").get("items"));
    ObjectNode preScan = s.putObject("pre_scan");
    preScan.put("count_total", pre.size());
    preScan.put("count_windows", count(pre, false, null));
    preScan.put("count_driver", count(pre, true, null));
    preScan.set("items", pre);

    ArrayNode inst = items(j.path("install").get("items"));
    ObjectNode install = s.putObject("install");
    int installed = count(inst, null, "installed");
    int failed = count(inst, null, "failed");
    install.put("count_accepted", inst.size());
    install.put("count_downloaded", count(inst, null, "downloaded") + installed);
    install.put("count_installed", installed);
    install.put("count_failed", failed);
    install.put("count_windows_installed", count(inst, false, "installed"));
    install.put("count_driver_installed", count(inst, true, "installed"));
    install.set("items", inst);

    ArrayNode post = items(j.path("post_scan").get("items"));
    ObjectNode postScan = s.putObject("post_scan");
    postScan.put("count_remaining", post.size());
    postScan.set("items", post);

    boolean reboot = j.path("reboot_required").asBoolean(false);
    s.put("reboot_required", reboot);
    ObjectNode timings = s.putObject("timings");
    JsonNode t = j.path("timings");
    Stream.of("pre_scan_seconds", "install_seconds", "post_scan_seconds", "total_seconds")
        .forEach(k -> timings.put(k, t.path(k).asDouble(0)));

    ObjectNode hr = s.putObject("human_readable");
    ArrayNode notes = hr.putArray("notes");
    String verdict;
    if (!meta.get("module_available").asBoolean()) {
      verdict = "module-unavailable";
      notes.add("PSWindowsUpdate could not be installed or loaded (needs internet access to PSGallery).");
    } else if (failed > 0 || errors.size() > 0) {
      verdict = "completed-with-errors";
    } else if (post.size() > 0) {
      verdict = "updates-remaining";
    } else if (installed > 0) {
      verdict = "updated";
    } else {
      verdict = "up-to-date";
    }
    hr.put("verdict", verdict);
    if (meta.get("module_available").asBoolean()) {
      notes.add(pre.size() + " updates found, " + installed + " installed, " + failed + " failed, " + post.size()
          + " remaining");
    }
    errors.forEach(e -> notes.add(e.asText()));
    if (reboot) {
      notes.add("A restart is required to finish installing updates.");
    }
    hr.put("summary_line", "Windows Update: " + verdict + (reboot ? " (restart required)" : ""));
    return s;
  }

  /**
   * Counts items, optionally only drivers (true) or non-drivers (false), and only those whose Result contains
   * the word (case-insensitive; PSWindowsUpdate reports Accepted, Downloaded, Installed, Failed).
   */
  private static int count(ArrayNode items, Boolean driver, String result) {
    int n = 0;
    for (JsonNode i : items) {
      if (driver != null && i.path("IsDriver").asBoolean(false) != driver) {
        continue;
      }
      if (result != null && !i.path("Result").asText("").toLowerCase(Locale.ROOT).contains(result)) {
        continue;
      }
      n++;
    }
    return n;
  }

  private static ArrayNode items(JsonNode n) {
    ArrayNode out = Json.array();
    Json.elements(n).stream().filter(JsonNode::isObject).forEach(i -> out.add(item(i)));
    return out;
  }

  private static ObjectNode item(JsonNode i) {
    ObjectNode o = Json.object();
    for (String k : new String[] {"Stage", "Title", "KB", "Size", "Category", "Result", "Status"}) {
      JsonNode v = i.get(k);
      o.put(k, v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText());
    }
    o.put("IsDriver", i.path("IsDriver").asBoolean(false));
    return o;
  }

  private static ArrayNode strings(JsonNode n) {
    ArrayNode out = Json.array();
    Json.elements(n).forEach(e -> out.add(e.asText()));
    return out;
  }
}
