package servicerunner.task.battery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import servicerunner.exec.Decoding;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.task.DeclaredTask;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;
import servicerunner.task.wintools.PowerShellScript;

/**
 * Battery wear and charge: Linux reads /sys/class/power_supply; Windows parses {@code powercfg /batteryreport} (design
 * and full-charge capacity, cycles) and reads the live state (charge, state, voltage, energy, temperature, times)
 * from CIM with one PowerShell run. A machine without a battery is skipped ("No battery found"), as the reference
 * did.
 */
public final class BatteryHealthReportTask extends DeclaredTask {
  static final String NO_BATTERY = "No battery found";
  static final String SYSFS = "/sys/class/power_supply";

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("battery_health_report",
          "Reports battery wear (full-charge vs design capacity), cycles, charge and state; skipped without a"
              + " battery.")
      .params(
          ParamSpec.integer("index", "Which battery, 0 = the first.").defaultsTo(0).range(0.0, 1000.0),
          ParamSpec.string("source", "auto (powercfg on Windows, sysfs elsewhere), sysfs or powercfg.")
              .defaultsTo("auto").oneOf("auto", "sysfs", "powercfg"),
          ParamSpec.string("sysfs_root", "The power_supply folder to read (default " + SYSFS + "; for tests)."),
          ParamSpec.string("executable_path", "The powercfg program (default: powercfg)."),
          ParamSpec.string("powershell_path", "The PowerShell that reads the live state from CIM (default: "
              + PowerShellScript.DEFAULT_EXE + ")."))
      .timeout(Duration.ofMinutes(2)) // sysfs takes milliseconds; powercfg /batteryreport a few seconds
      .example("{\"type\":\"battery_health_report\"}")
      .verdicts("excellent", "good", "fair", "poor", "critical", "unknown", "no_battery", "no_such_battery",
          "powercfg_failed")
      .build();

  public BatteryHealthReportTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    String source = p.string("source");
    if (!"powercfg".equals(source) && !("auto".equals(source) && ctx.platform().isWindows())) {
      List<BatteryData> batteries = readSysfs(Path.of(p.optString("sysfs_root").orElse(SYSFS)));
      ctx.checkCancelled();
      return outcome(batteries, p.integer("index"), null);
    }
    List<String> argv = List.of(p.optString("executable_path").orElse("powercfg"), "/batteryreport", "/output",
        ctx.scratchDir().resolve("battery.html").toString());
    ProcessResult r = ctx.run(ProcessSpec.of(argv).withTimeout(Duration.ofSeconds(90)));
    ArrayNode command = ProcessSummaries.command(r);
    if (!r.exited()) {
      return ProcessSummaries.notCompleted(Json.object(), r, "powercfg");
    }
    Path html = Path.of(argv.get(3));
    if (r.exitCode() != 0 || !Files.isRegularFile(html)) {
      String tail = (r.stdout().lastChars(300) + " " + r.stderr().lastChars(300)).strip();
      return TaskOutcome.failure(ProcessSummaries.addProcess(Json.object(), r), "powercfg_failed",
          "powercfg /batteryreport failed (exit code " + r.exitCode() + ")" + (tail.isEmpty() ? "" : ": " + tail))
          .withExtra("command", command);
    }
    List<BatteryData> batteries;
    try {
      batteries = PowercfgReportParser.parse(Decoding.decodeAuto(Files.readAllBytes(html)));
    } catch (IOException e) {
      return TaskOutcome.failure(Json.object(), "powercfg_failed", "cannot read the battery report: "
          + e.getMessage()).withExtra("command", command);
    }
    String liveProblem = batteries.isEmpty() ? null : addLiveState(ctx, batteries);
    return outcome(batteries, p.integer("index"), liveProblem).withExtra("command", command);
  }

  /** No battery is skipped (a desktop is not at fault); human_readable is the string the app's renderer shows. */
  static TaskOutcome outcome(List<BatteryData> batteries, int index, String liveProblem) {
    if (batteries.isEmpty()) {
      ObjectNode s = Json.object().put("reason", NO_BATTERY).put("error", NO_BATTERY).put("human_readable", NO_BATTERY);
      return TaskOutcome.of(Status.SKIPPED, Verdict.of("no_battery", NO_BATTERY), s);
    }
    if (index >= batteries.size()) {
      return TaskOutcome.failure(Json.object(), "no_such_battery", "index: " + index + " is out of range, "
          + batteries.size() + " battery(ies) found");
    }
    ObjectNode s = BatteryHealthReport.build(batteries.get(index), batteries.size());
    if (liveProblem != null) {
      s.putArray("warnings").add("live state not read: " + liveProblem);
    }
    Verdict v = Verdict.of(s.get("health_verdict").asText().toLowerCase(Locale.ROOT), s.get("human_readable").asText());
    return TaskOutcome.of(Status.SUCCESS, v, s);
  }

  /**
   * Merges the CIM live state into the powercfg batteries (by position, both follow the ACPI battery order).
   * @return why the live state could not be read, or null
   */
  private static String addLiveState(TaskContext ctx, List<BatteryData> batteries) {
    ctx.checkCancelled();
    ProcessSpec spec;
    try {
      String script = PowerShellScript.template(BatteryHealthReportTask.class, "battery_cim.ps1", Map.of());
      Path ps1 = PowerShellScript.write(ctx.scratchDir(), "sr_battery_cim.ps1", script);
      String exe = ctx.params().optString("powershell_path").orElse(PowerShellScript.DEFAULT_EXE);
      spec = ProcessSpec.of(PowerShellScript.argv(exe, ps1)).withEncoding(OutputEncoding.UTF8)
          .withTimeout(Duration.ofSeconds(60));
    } catch (IOException e) {
      return "cannot write the CIM script: " + e.getMessage();
    }
    ProcessResult r = ctx.run(spec);
    var problem = ProcessSummaries.problem(r, "PowerShell");
    if (problem.isPresent()) {
      return problem.get().summary().path("error").asText();
    }
    var live = CimBatteryParser.parse(r.stdout().text());
    if (live.isEmpty()) {
      return "PowerShell printed no CIM result (exit code " + r.exitCode() + ")";
    }
    for (int i = 0; i < batteries.size() && i < live.get().size(); i++) {
      batteries.set(i, batteries.get(i).withLive(live.get().get(i)));
    }
    return null;
  }

  /** Every system battery under the power_supply folder, in name order (BAT0, BAT1, ...). */
  static List<BatteryData> readSysfs(Path root) {
    List<BatteryData> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> supplies;
    try (Stream<Path> s = Files.list(root)) {
      supplies = s.sorted().toList();
    } catch (IOException e) {
      return out;
    }
    for (Path dir : supplies) {
      Map<String, String> attrs = attributes(dir);
      if (SysfsBattery.isSystemBattery(attrs)) {
        out.add(SysfsBattery.from(dir.getFileName().toString(), attrs));
      }
    }
    return out;
  }

  /** The folder's small attribute files; unreadable ones (some need root, some fail while the battery updates) are skipped. */
  static Map<String, String> attributes(Path dir) {
    Map<String, String> a = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        try {
          if (Files.isRegularFile(f) && Files.size(f) <= 4096) {
            a.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8).strip());
          }
        } catch (IOException | RuntimeException ignored) {
          // skip this attribute
        }
      }
    } catch (IOException ignored) {
      // not a folder we can list
    }
    return a;
  }
}
