package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/**
 * Issue 10: every task object the desktop app's own builders produce (fixtures/app-built) goes through the jar: the
 * run exits 0 with one result per task in plan order, no plan error, and every stderr line as the app parses it.
 */
@Order(2) // among the longest ITs: started early
@Execution(ExecutionMode.CONCURRENT) // each case has its own folder and runner
class AppBuiltPlansIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> WINDOWS_ONLY = Set.of("adwcleaner_clean", "ai_browser_notification_disable",
      "ai_startup_disable", "chkdsk_scan", "dism_health_check", "drivecleanup_clean", "heavyload_stress_test",
      "kvrt_scan", "sfc_scan", "system_restore", "trellix_stinger_scan", "whynotwin11_check", "windows_update",
      "windows_update_logs_analysis", "winsat_disk");

  static ArrayNode appTasks() throws Exception {
    JsonNode captured = MAPPER.readTree(Fixtures.path("app-built", "app-built-tasks.json").toFile());
    ArrayNode tasks = MAPPER.createArrayNode();
    captured.get("tasks").forEach(t -> tasks.add(t.get("task").deepCopy()));
    return tasks;
  }

  @Test
  void thePlanFileHoldsExactlyTheCapturedTasks() throws Exception {
    JsonNode plan = MAPPER.readTree(Fixtures.path("app-built", "plan.json").toFile());
    assertEquals(appTasks(), plan.get("tasks"), "plan.json is out of date: regenerate it (fixtures/app-built/README.md)");
  }

  /** The tasks exactly as the app sends them; on Linux the Windows-only ones without a tool path are skipped. */
  @Test
  void everyTaskAsSentIsAccepted(@TempDir Path tmp) throws Exception {
    ArrayNode tasks = appTasks();
    RunResult r = run(tmp, tasks);
    assertCleanRun(r, tasks);
    for (int i = 0; i < tasks.size(); i++) {
      JsonNode task = tasks.get(i);
      String type = task.get("type").asText();
      if (WINDOWS_ONLY.contains(type) && !task.has("executable_path")) {
        r.assertStatus(i, "skipped");
        assertTrue(r.taskMarkers().contains("TASK_SKIP:" + i + ":" + type + " - requires Windows"), r.stderrText());
      }
    }
    assertTrue(r.stderrLines().contains("Warning: tasks[13].stability_threshold_mbps: read a string \"20Mbps\" as the"
        + " number 20 Mbps (send a JSON number to avoid this warning)"), r.stderrText());
  }

  /** The same tasks with each tool pointed at its fake: every type runs and parses recorded output. */
  @Test
  void everyTaskRunsAgainstTheFakeTools(@TempDir Path tmp) throws Exception {
    ArrayNode tasks = appTasks();
    Map<String, String> fakes = new LinkedHashMap<>();
    fakes.put("adwcleaner_clean", "win-tools-adwcleaner");
    fakes.put("bleachbit_clean", "bleachbit-fake.sh");
    fakes.put("chkdsk_scan", "chkdsk-clean");
    fakes.put("dism_health_check", "dism-steps");
    fakes.put("drivecleanup_clean", "win-tools-drivecleanup");
    fakes.put("furmark_stress_test", "furmark-fake.sh");
    fakes.put("heavyload_stress_test", "heavyload-ok.sh");
    fakes.put("kvrt_scan", "win-tools-kvrt");
    fakes.put("sfc_scan", "sfc-clean");
    fakes.put("smartctl_report", "smartctl-fake.sh");
    fakes.put("speedtest", "speedtest-cli-403");
    fakes.put("system_restore", "restore-created");
    fakes.put("trellix_stinger_scan", "win-tools-stinger");
    fakes.put("whynotwin11_check", "win-tools-whynotwin11");
    fakes.put("windows_update", "win-tools-powershell");
    fakes.put("windows_update_logs_analysis", "win-tools-powershell");
    fakes.put("winsat_disk", "winsat-win10");
    for (JsonNode t : tasks) {
      ObjectNode task = (ObjectNode) t;
      String fake = fakes.get(task.get("type").asText());
      if (fake != null) {
        task.put("executable_path", Fixtures.path("fake-tools", fake).toString());
      }
      if (task.get("type").asText().equals("windows_update_logs_analysis")) {
        task.put("err_exe_path", Fixtures.path("fake-tools", "win-tools-err").toString());
      }
      if (task.get("type").asText().equals("iperf_test")) {
        // iperf3 itself when installed, against a port nothing listens on: a clean connection failure
        task.put("executable_path", Tools.which("iperf3") == null ? "iperf3" : Tools.which("iperf3").toString());
        task.put("port", freePort());
      }
    }
    RunResult r = run(tmp, tasks);
    assertCleanRun(r, tasks);
    Map<Integer, String> expected = new LinkedHashMap<>();
    expected.put(0, "success"); // adwcleaner: the recorded log of a clean
    expected.put(4, "warning"); // BleachBit: a cleaner blocked by a running program, work done
    expected.put(5, "success"); // chkdsk read_only, no problems
    expected.put(7, "success"); // DISM: repairable, then restored
    expected.put(8, "success"); // DriveCleanup removed devices
    expected.put(9, "success"); // FurMark report
    expected.put(10, "success");
    expected.put(11, "success");
    expected.put(12, "success");
    expected.put(16, "success"); // sfc: no integrity violations
    expected.put(19, "failure"); // speedtest: HTTP 403
    expected.put(20, "success"); // restore point created
    expected.put(22, "success"); // WhyNotWin11 CSV read
    expected.put(25, "success"); // winsat full
    expected.forEach((i, status) -> r.assertStatus(i, status));
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).get("type").asText().equals("ping_test") && Tools.which("ping") == null) {
        continue; // the one real tool left: installed by runner/test
      }
      String error = r.result(i).at("/summary/error").asText("");
      String verdict = r.result(i).at("/summary/human_readable/verdict").asText("");
      assertFalse(verdict.equals("not_found") || verdict.equals("launch_failed") || error.contains("is not a file"),
          "task " + i + " did not reach its fake: " + r.result(i));
    }
    JsonNode speed = r.result(19).at("/summary/human_readable");
    assertFalse(speed.has("download_mbps") || speed.has("upload_mbps"), "unknown speeds are absent: " + speed);
  }

  private static RunResult run(Path tmp, ArrayNode tasks) throws Exception {
    Path plan = tmp.resolve("run_plan.json");
    ObjectNode root = MAPPER.createObjectNode();
    root.set("tasks", tasks);
    Files.writeString(plan, MAPPER.writeValueAsString(root));
    // the app's relative folders (..\data\logs) land in the temp folder, not in the checkout
    return RunnerProcess.jar(plan.toString(), "--log-file", tmp.resolve("run_plan.log.txt").toString()).dir(tmp)
        .timeout(Duration.ofMinutes(5)).run();
  }

  private static void assertCleanRun(RunResult r, ArrayNode tasks) {
    r.assertExit(0).assertProtocolClean();
    JsonNode report = r.report();
    assertFalse(report.has("error") || report.has("errors"), "plan error: " + report);
    assertTrue(r.stderrLines().stream().noneMatch(l -> l.startsWith("Plan error")), r.stderrText());
    assertEquals(tasks.size(), report.get("results").size(), "one result per task");
    for (int i = 0; i < tasks.size(); i++) {
      assertEquals(tasks.get(i).get("type").asText(), r.result(i).get("task_type").asText(), "result " + i);
      assertTrue(List.of("success", "failure", "error", "warning", "skipped", "completed_with_errors")
          .contains(r.result(i).get("status").asText()), r.result(i).toString());
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
