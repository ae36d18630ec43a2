package servicerunner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import servicerunner.report.view.Text;

/**
 * The figures of each task type worth a glance, read from the summary fields the app's renderers read
 * (autoservice-ui-contract.md section 6). Declared as data: a label, a dotted path into the summary, a format.
 */
final class KeyFigures {
  private KeyFigures() {}

  record Fig(String label, String path, Fmt fmt) {}

  /** A table over an array of the summary: one row per element. */
  record Table(String title, String path, List<Fig> columns) {}

  record Spec(List<Fig> figures, List<Table> tables) {}

  /** A figure whose value is known. */
  record Shown(String label, String value) {}

  private static Fig f(String label, String path) {
    return new Fig(label, path, Fmt.PLAIN);
  }

  private static Fig f(String label, String path, Fmt fmt) {
    return new Fig(label, path, fmt);
  }

  private static Spec spec(List<Fig> figures, Table... tables) {
    return new Spec(figures, List.of(tables));
  }

  private static final Map<String, Spec> SPECS = Map.ofEntries(
      Map.entry("ping_test", spec(List.of(
          f("Host", "host"), f("Packets sent", "packets.sent"), f("Received", "packets.received"),
          f("Packet loss", "packets.loss_percent", Fmt.PCT), f("Average latency", "latency_ms.avg", Fmt.MS),
          f("Min latency", "latency_ms.min", Fmt.MS), f("Max latency", "latency_ms.max", Fmt.MS),
          f("Jitter", "interval_stats.stdev", Fmt.MS), f("Stability score", "human_readable.stability_score", Fmt.SCORE)))),
      Map.entry("iperf_test", spec(List.of(
          f("Server", "server"), f("Protocol", "human_readable.protocol"), f("Direction", "human_readable.direction", Fmt.WORD),
          f("Mean throughput", "human_readable.throughput.mean", Fmt.MBPS),
          f("Median", "human_readable.throughput.median", Fmt.MBPS), f("Min", "human_readable.throughput.min", Fmt.MBPS),
          f("Max", "human_readable.throughput.max", Fmt.MBPS), f("Variation", "human_readable.throughput.cov_percent", Fmt.PCT),
          f("Retransmits", "aggregates.retransmits"), f("Stability score", "human_readable.stability_score", Fmt.SCORE)))),
      Map.entry("speedtest", spec(List.of(
          f("Download", "human_readable.download_mbps", Fmt.MBPS), f("Upload", "human_readable.upload_mbps", Fmt.MBPS),
          f("Ping", "human_readable.ping_ms", Fmt.MS), f("Jitter", "human_readable.jitter_ms", Fmt.MS),
          f("Score", "human_readable.score", Fmt.SCORE), f("Rating", "human_readable.rating_stars", Fmt.STARS),
          f("Server", "human_readable.server"), f("ISP", "human_readable.isp")))),
      Map.entry("disk_space_report", spec(List.of(
          f("Warning at", "warn_percent", Fmt.PCT), f("Critical at", "critical_percent", Fmt.PCT)),
          new Table("Volumes", "drives", List.of(
              f("Volume", "drive"), f("File system", "filesystem"), f("Size", "total_gb", Fmt.GB),
              f("Used", "used_gb", Fmt.GB), f("Free", "free_gb", Fmt.GB), f("Used %", "usage_percent", Fmt.PCT))))),
      Map.entry("battery_health_report", spec(List.of(
          f("Health", "health_verdict"), f("Capacity vs design", "capacity_percent", Fmt.PCT),
          f("Wear", "wear_level_percent", Fmt.PCT), f("Charge cycles", "cycle_count"),
          f("Full charge", "energy_full_wh", Fmt.WH), f("Design capacity", "energy_full_design_wh", Fmt.WH),
          f("Charge", "percent", Fmt.PCT), f("State", "state", Fmt.WORD), f("Temperature", "temperature_c", Fmt.CELSIUS),
          f("Vendor", "vendor"), f("Model", "model"), f("Batteries", "battery_count")),
          new Table("Batteries", "batteries", List.of(
              f("Battery", "model"), f("Health", "health_verdict"), f("Capacity", "capacity_percent", Fmt.PCT),
              f("Wear", "wear_level_percent", Fmt.PCT), f("Cycles", "cycle_count"))))),
      Map.entry("bleachbit_clean", spec(List.of(
          f("Mode", "human_readable.mode", Fmt.WORD), f("Space recovered", "space_recovered_bytes", Fmt.BYTES),
          f("Files deleted", "files_deleted"), f("Special operations", "special_operations"), f("Errors", "errors")))),
      Map.entry("smartctl_report", spec(List.of(
          f("Drives OK", "human_readable.drives_ok"), f("Failing", "human_readable.drives_failing"),
          f("Unreadable", "human_readable.drives_unreadable")),
          new Table("Drives", "drives", List.of(
              f("Drive", "name"), f("Model", "model_name"), f("Health", "health_passed", Fmt.HEALTH),
              f("Temp.", "temperature_c", Fmt.CELSIUS), f("Power-on hours", "power_on_hours"),
              f("Wear", "wear_level_percent_used", Fmt.PCT), f("Media errors", "media_errors"),
              f("Reallocated", "reallocated_sectors"), f("Written", "data_written_human"))))),
      Map.entry("chkdsk_scan", spec(List.of(
          f("Drive", "drive"), f("Mode", "mode", Fmt.WORD), f("Result", "return_code_meaning"),
          f("Problems found", "errors_found"), f("Corrections made", "made_corrections"), f("Scheduled", "scheduled"),
          f("Volume size", "total_disk_kb", Fmt.KB), f("Free", "available_kb", Fmt.KB),
          f("Bad sectors", "bad_sectors_kb", Fmt.KB)))),
      Map.entry("sfc_scan", spec(List.of(
          f("Mode", "mode", Fmt.WORD), f("Integrity violations", "integrity_violations"),
          f("Repairs attempted", "repairs_attempted"), f("Repairs successful", "repairs_successful"),
          f("Verification", "verification_percent", Fmt.PCT), f("Restart pending", "pending_reboot")))),
      Map.entry("dism_health_check", spec(List.of(
          f("Component store", "health_state", Fmt.WORD), f("Restart required", "reboot_required")),
          new Table("Steps", "steps", List.of(
              f("Step", "action"), f("State", "parsed.health_state", Fmt.WORD), f("Exit code", "return_code_hex"),
              f("Duration", "duration_seconds", Fmt.SECONDS))))),
      Map.entry("adwcleaner_clean", spec(List.of(
          f("Cleaned", "cleaned"), f("Failed", "failed"), f("Registry", "registry", Fmt.COUNT), f("Files", "files", Fmt.COUNT),
          f("Folders", "folders", Fmt.COUNT), f("Services", "services", Fmt.COUNT), f("Tasks", "tasks", Fmt.COUNT),
          f("Shortcuts", "shortcuts", Fmt.COUNT), f("DLLs", "dlls", Fmt.COUNT), f("WMI", "wmi", Fmt.COUNT),
          f("Browsers", "browsers", Fmt.COUNT), f("Preinstalled", "preinstalled", Fmt.COUNT)))),
      Map.entry("kvrt_scan", spec(List.of(
          f("Objects scanned", "processed"), f("Detected", "detected"), f("Removed", "removed_count"),
          f("Processing errors", "processing_errors"), f("Password protected", "password_protected"),
          f("Corrupted", "corrupted")),
          new Table("Detections", "detections", List.of(
              f("Threat", "threat"), f("Action", "action"), f("Object", "object_path"))))),
      Map.entry("trellix_stinger_scan", spec(List.of(
          f("Files scanned", "total_files"), f("Clean", "clean_files"), f("Infected", "infected_files"),
          f("Not scanned", "not_scanned"), f("Scan time", "scan_duration_seconds", Fmt.SECONDS),
          f("Engine", "engine_version"), f("Virus data", "virus_data_version")),
          new Table("Infections", "infections", List.of(f("Threat", "threat_name"), f("File", "file_path"))))),
      Map.entry("drivecleanup_clean", spec(List.of(
          f("Items removed", "removed_items_total"), f("Test run", "intent.test_only"), f("*", "counts")))),
      Map.entry("furmark_stress_test", spec(List.of(
          f("Average FPS", "fps.avg"), f("Min FPS", "fps.min"), f("Max FPS", "fps.max"),
          f("Peak GPU temperature", "human_readable.max_temperature_c", Fmt.CELSIUS), f("API", "api"),
          f("Frames", "frames"), f("Test length", "duration_ms", Fmt.MS_AS_SECONDS)),
          new Table("GPUs", "gpus", List.of(
              f("GPU", "name"), f("Max temp.", "max_temperature_c", Fmt.CELSIUS), f("Max load", "max_usage_percent", Fmt.PCT),
              f("Max clock (MHz)", "max_core_clock_mhz"))))),
      Map.entry("heavyload_stress_test", spec(List.of(
          f("Test length", "duration_minutes", Fmt.MINUTES), f("CPU", "stress_cpu"), f("Memory", "stress_memory"),
          f("Disk", "stress_disk"), f("GPU", "stress_gpu"), f("Exit code", "exit_code")))),
      Map.entry("winsat_disk", spec(List.of(
          f("Drive", "drive"), f("Random read", "results.random_read_mbps", Fmt.MBYTES_S),
          f("Sequential read", "results.sequential_read_mbps", Fmt.MBYTES_S),
          f("Sequential write", "results.sequential_write_mbps", Fmt.MBYTES_S),
          f("Score", "human_readable.score", Fmt.SCORE), f("Rating", "human_readable.rating_stars", Fmt.STARS)))),
      Map.entry("whynotwin11_check", spec(List.of(
          f("Ready for Windows 11", "ready"), f("Failing checks", "failing_checks", Fmt.LIST),
          f("Passing checks", "passing_checks", Fmt.COUNT), f("Unknown checks", "unknown_checks", Fmt.LIST)))),
      Map.entry("windows_update", spec(List.of(
          f("Installed", "install.count_installed"), f("Downloaded", "install.count_downloaded"),
          f("Failed", "install.count_failed"), f("Drivers installed", "install.count_driver_installed"),
          f("Restart required", "reboot_required")),
          new Table("Updates", "install.items", List.of(
              f("Update", "Title"), f("KB", "KB"), f("Category", "Category"), f("Size", "Size"), f("Result", "Result"))))),
      Map.entry("windows_update_logs_analysis", spec(List.of(
          f("Time frame", "time_frame", Fmt.WORD), f("Error events", "total_errors_found"),
          f("Distinct codes", "unique_error_codes", Fmt.COUNT)),
          new Table("Errors", "error_groups", List.of(
              f("Code", "error_code"), f("Name", "error_name"), f("Count", "count"), f("Latest", "latest_occurrence"))))),
      Map.entry("system_restore", spec(List.of(
          f("Created", "results.restore_point_created"), f("Description", "results.description")))),
      Map.entry("ai_startup_disable", spec(List.of(
          f("Mode", "human_readable.mode"), f("Items", "human_readable.total_items"),
          f("Recommended to disable", "human_readable.recommendations"), f("Disabled", "human_readable.items_disabled"),
          f("Kept enabled", "human_readable.items_kept_enabled"), f("Errors", "human_readable.errors"),
          f("Boot time saving", "human_readable.estimated_boot_time_saving"), f("Model", "human_readable.model_used")))),
      Map.entry("ai_browser_notification_disable", spec(List.of(
          f("Mode", "human_readable.mode"), f("Notifications", "human_readable.total_notifications"),
          f("Recommended to disable", "human_readable.recommendations"),
          f("Disabled", "human_readable.notifications_disabled"),
          f("Kept enabled", "human_readable.notifications_kept_enabled"), f("Errors", "human_readable.errors"),
          f("Model", "human_readable.model_used")))),
      Map.entry("command", spec(List.of(
          f("Exit code", "exit_code"), f("Ended", "termination", Fmt.WORD), f("Output", "stdout_bytes", Fmt.BYTES),
          f("Error output", "stderr_bytes", Fmt.BYTES), f("Output truncated", "output_truncated")))));

  /** Summary keys never shown as generic figures: long text, nested detail, or shown elsewhere. */
  private static final Set<String> GENERIC_SKIP = Set.of("duration_seconds", "human_readable", "error", "reason",
      "warning", "error_hint", "message", "verdict", "stdout_excerpt", "stderr_excerpt", "stdout_head", "stderr_head",
      "output", "output_tail", "raw", "success");

  static List<Shown> figures(String type, JsonNode summary) {
    Spec spec = SPECS.get(type);
    List<Shown> out = new ArrayList<>();
    if (spec == null) {
      generic(summary, out);
      return out;
    }
    for (Fig fig : spec.figures()) {
      JsonNode n = at(summary, fig.path());
      if ("*".equals(fig.label())) {
        expand(n, out);
        continue;
      }
      String v = fig.fmt().format(n);
      if (v != null) {
        out.add(new Shown(fig.label(), v));
      }
    }
    return out;
  }

  /** Each table with the columns that have at least one known value; rows as cell text ("" when unknown). */
  record ShownTable(String title, List<String> header, List<List<String>> rows) {}

  static List<ShownTable> tables(String type, JsonNode summary) {
    Spec spec = SPECS.get(type);
    List<ShownTable> out = new ArrayList<>();
    if (spec == null) {
      return out;
    }
    for (Table t : spec.tables()) {
      JsonNode arr = at(summary, t.path());
      if (arr == null || !arr.isArray() || arr.isEmpty()) {
        continue;
      }
      List<Fig> cols = new ArrayList<>();
      for (Fig c : t.columns()) {
        for (JsonNode row : arr) {
          if (c.fmt().format(at(row, c.path())) != null) {
            cols.add(c);
            break;
          }
        }
      }
      if (cols.isEmpty()) {
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode row : arr) {
        List<String> cells = new ArrayList<>();
        for (Fig c : cols) {
          String v = c.fmt().format(at(row, c.path()));
          cells.add(v == null ? "" : v);
        }
        rows.add(cells);
      }
      out.add(new ShownTable(t.title(), cols.stream().map(Fig::label).toList(), rows));
    }
    return out;
  }

  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(part);
    }
    return n;
  }

  private static void expand(JsonNode obj, List<Shown> out) {
    if (obj == null || !obj.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String v = Text.of(e.getValue());
      if (v != null) {
        out.add(new Shown(Text.humanise(e.getKey()), v));
      }
    }
  }

  private static void generic(JsonNode summary, List<Shown> out) {
    if (summary == null || !summary.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext() && out.size() < 12; ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (GENERIC_SKIP.contains(e.getKey()) || e.getValue().isContainerNode()) {
        continue;
      }
      String v = Text.of(e.getValue());
      if (v != null && v.length() <= 120) {
        out.add(new Shown(Text.humanise(e.getKey()), v));
      }
    }
  }
}
