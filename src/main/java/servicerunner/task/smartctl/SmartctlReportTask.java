package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.DeclaredTask;
import servicerunner.task.Verdict;

/**
 * SMART health of every drive: {@code smartctl --scan -j}, then {@code smartctl -a -j -- <dev>} per device (smartctl
 * parses its options with getopt, so {@code --} ends them; a device never begins with "-", declared positional).
 *
 * <p>Status: scan failure → failure; no drive found → skipped ("No SMART-capable drives found", scan output kept:
 * virtual machines and USB sticks have none, which is not a fault of the PC); every queried drive unreadable →
 * failure; some unreadable → completed_with_errors; a drive failing its SMART check (health_passed false, exit bit 3
 * or 4) → warning (the report worked, the disk needs attention); else success.
 *
 * <p>USB devices: the reference dropped every scan entry whose name or type mentioned "usb" before asking. Here they
 * are queried like any drive (a SAT bridge usually reports full SMART data); only when smartctl answers "Unknown USB
 * bridge" / "Please specify device type" does the device go to {@code skipped_devices} (reason
 * {@code usb_bridge_unsupported}) rather than count as an error.
 */
public final class SmartctlReportTask extends DeclaredTask {
  /** One device query; a drive that hangs must not take the whole task's time. */
  static final Duration PER_CALL_TIMEOUT = Duration.ofMinutes(2);
  static final String NO_DRIVES = "No SMART-capable drives found";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("smartctl_report",
          "Reads the SMART health of every drive with smartctl (health, wear, hours, errors, temperature).")
      .params(
          ParamSpec.string("executable_path", "smartctl or smartctl.exe; default: smartctl on PATH."),
          ParamSpec.string("detail_level", "basic, or full to add the whole smartctl JSON as raw in each drive.")
              .defaultsTo("basic").oneOf("basic", "full"),
          ParamSpec.stringList("devices", "Only these devices (e.g. [\"/dev/sda\", \"/dev/nvme0\"]); they are"
              + " queried even when the scan does not list them.").positional())
      .timeout(Duration.ofMinutes(10))
      .example("{\"type\":\"smartctl_report\",\"detail_level\":\"basic\"}")
      .verdicts("all_passed", "drive_failing", "some_unreadable", "none_readable", "no_drives", "no_scan_json")
      .build();

  public SmartctlReportTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    String exe = p.optString("executable_path").filter(s -> !s.isBlank()).orElse("smartctl");
    boolean full = "full".equals(p.string("detail_level"));
    List<String> requested = p.stringList("devices");

    ProcessResult sr = ctx.run(ProcessSpec.of(exe, "--scan", "-j").withTimeout(PER_CALL_TIMEOUT)
        .withForwardOutput(false));
    if (!sr.exited()) {
      return ProcessSummaries.notCompleted(Json.object(), sr, "smartctl");
    }
    ScanParser.Scan scan;
    try {
      scan = ScanParser.parse(sr.stdout().text());
    } catch (IOException e) {
      ObjectNode s = ProcessSummaries.addProcess(Json.object(), sr);
      return TaskOutcome.failure(s, "no_scan_json", "smartctl --scan -j gave no JSON (exit " + sr.exitCode()
          + "): is smartctl 7.0 or newer?").withExtra("command", ProcessSummaries.command(sr));
    }
    ObjectNode s = Json.object();
    s.put("scan_command", String.join(" ", sr.argv()));
    s.put("detail_level", full ? "full" : "basic");
    ArrayNode scanned = s.putArray("scan_devices");
    scan.devices().forEach(d -> scanned.addObject().put("name", d.name()).put("info_name", d.infoName())
        .put("type", d.type()).put("protocol", d.protocol()));

    Set<String> targets = new LinkedHashSet<>(requested.isEmpty()
        ? scan.devices().stream().map(ScanParser.Device::name).toList() : requested);
    s.putArray("drives");
    s.putArray("errors");
    s.putArray("skipped_devices");
    ArrayNode queried = s.putArray("queried_devices");
    if (targets.isEmpty()) {
      s.put("reason", NO_DRIVES);
      s.set("scan_output", scan.json());
      s.putObject("human_readable").put("verdict", NO_DRIVES + " (virtual disk or no drive smartctl can read)");
      return TaskOutcome.of(Status.SKIPPED, Verdict.of("no_drives", NO_DRIVES), s);
    }
    for (String dev : targets) {
      queried.add(dev);
      query(ctx, exe, dev, full, s);
    }
    return decide(s);
  }

  /** Adds the device to drives, skipped_devices (a USB bridge smartctl cannot pass through) or errors. */
  private static void query(TaskContext ctx, String exe, String dev, boolean full, ObjectNode s) {
    ProcessResult r = ctx.run(ProcessSpec.of(exe, "-a", "-j", "--", dev).withTimeout(PER_CALL_TIMEOUT)
        .withForwardOutput(false));
    if (!r.exited()) {
      s.withArrayProperty("errors").addObject().put("device", dev).put("error", r.describe());
      return;
    }
    ObjectNode d = DriveParser.parse(r.stdout().text(), dev, full);
    String outcome = d.remove("outcome").asText();
    if ("drive".equals(outcome)) {
      s.withArrayProperty("drives").add(d);
    } else if ("unsupported_bridge".equals(outcome)) {
      s.withArrayProperty("skipped_devices").addObject().put("device", dev).put("reason", "usb_bridge_unsupported")
          .put("error", d.path("error").asText());
    } else {
      ObjectNode e = s.withArrayProperty("errors").addObject().put("device", dev)
          .put("error", d.path("error").asText());
      e.set("exit_status", d.path("exit_status"));
      e.set("exit_status_bits", d.path("exit_status_bits"));
    }
  }

  static TaskOutcome decide(ObjectNode s) {
    ArrayNode drives = (ArrayNode) s.get("drives");
    ArrayNode errors = (ArrayNode) s.get("errors");
    List<String> failing = new ArrayList<>();
    for (JsonNode d : drives) {
      int exit = d.path("exit_status").asInt();
      if (d.path("health_passed").isBoolean() && !d.path("health_passed").asBoolean()
          || (exit & (ExitStatus.DISK_FAILING | ExitStatus.PREFAIL_NOW)) != 0) {
        failing.add(d.path("name").asText() + (d.path("model_name").isTextual() ? " (" + d.path("model_name").asText()
            + ")" : ""));
      }
    }
    ObjectNode hr = s.putObject("human_readable");
    hr.put("drives_ok", drives.size() - failing.size());
    hr.put("drives_failing", failing.size());
    hr.put("drives_unreadable", errors.size());
    if (drives.isEmpty() && errors.size() > 0) {
      String first = errors.get(0).path("device").asText() + ": " + errors.get(0).path("error").asText();
      String error = "smartctl could not read any drive (" + first + (errors.size() > 1 ? "; ..." : "") + ")";
      s.put("error", error);
      hr.put("verdict", "No drive could be read: " + first);
      return TaskOutcome.of(Status.FAILURE, Verdict.of("none_readable", error), s);
    }
    if (drives.isEmpty()) {
      s.put("reason", NO_DRIVES);
      hr.put("verdict", NO_DRIVES + " (" + s.path("skipped_devices").size()
          + " device(s) behind unsupported USB bridges)");
      return TaskOutcome.of(Status.SKIPPED, Verdict.of("no_drives", NO_DRIVES), s);
    }
    String verdict = failing.isEmpty() ? "All " + drives.size() + " drive(s) passed SMART health checks"
        : "FAILING: " + String.join(", ", failing) + " - back up and replace";
    List<String> warnings = new ArrayList<>();
    if (errors.size() > 0) {
      verdict += "; " + errors.size() + " device(s) could not be read";
      warnings.add(errors.size() + " device(s) could not be read");
    }
    if (!failing.isEmpty()) {
      warnings.add("SMART reports failing drive(s): " + String.join(", ", failing));
    }
    hr.put("verdict", verdict);
    if (!warnings.isEmpty()) {
      s.put("warning", String.join("; ", warnings));
    }
    Status status = errors.size() > 0 ? Status.COMPLETED_WITH_ERRORS
        : failing.isEmpty() ? Status.SUCCESS : Status.WARNING;
    String id = !failing.isEmpty() ? "drive_failing" : errors.size() > 0 ? "some_unreadable" : "all_passed";
    return TaskOutcome.of(status, Verdict.of(id, verdict), s);
  }
}
