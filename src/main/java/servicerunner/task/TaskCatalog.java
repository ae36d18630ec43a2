package servicerunner.task;

import java.util.List;
import java.util.Map;
import servicerunner.text.Pairs;

/**
 * The registered task types, one class each under {@code servicerunner.task.<name>}. Classes are loaded by name
 * only when a plan uses them, which keeps start-up lean; adding a type is one line here plus its class.
 */
public final class TaskCatalog {
  private TaskCatalog() {}

  private static final Map<String, String> CLASSES = Pairs.ordered(
      // the generic type
      "command", "command.CommandTask",
      // catalogue I: tools that run on Linux too
      "bleachbit_clean", "bleachbit.BleachbitCleanTask", "smartctl_report", "smartctl.SmartctlReportTask",
      "ping_test", "ping.PingTestTask", "iperf_test", "iperf.IperfTestTask", "speedtest", "speedtest.SpeedtestTask",
      "disk_space_report", "diskspace.DiskSpaceReportTask", "battery_health_report", "battery.BatteryHealthReportTask",
      "furmark_stress_test", "furmark.FurmarkStressTestTask",
      "heavyload_stress_test", "heavyload.HeavyloadStressTestTask",
      // catalogue II: Windows maintenance tools
      "sfc_scan", "sfc.SfcScanTask", "dism_health_check", "dism.DismHealthCheckTask",
      "chkdsk_scan", "chkdsk.ChkdskScanTask", "winsat_disk", "winsat.WinsatDiskTask",
      "system_restore", "systemrestore.SystemRestoreTask", "windows_update", "windowsupdate.WindowsUpdateTask",
      "windows_update_logs_analysis", "windowsupdate.WindowsUpdateLogsAnalysisTask",
      "whynotwin11_check", "whynotwin11.WhyNotWin11CheckTask", "kvrt_scan", "kvrt.KvrtScanTask",
      "adwcleaner_clean", "adwcleaner.AdwCleanerCleanTask", "trellix_stinger_scan", "stinger.TrellixStingerScanTask",
      "drivecleanup_clean", "drivecleanup.DriveCleanupCleanTask",
      "ai_startup_disable", "ai.AiStartupDisableTask",
      "ai_browser_notification_disable", "ai.AiBrowserNotificationDisableTask");

  /** Every id whose class is present, in listing order. */
  public static List<String> ids() {
    return CLASSES.keySet().stream().filter(id -> find(id) != null).toList();
  }

  /** The type for an id, or null when no handler exists. */
  public static TaskType find(String id) {
    String cls = CLASSES.get(id);
    if (cls == null) {
      return null;
    }
    try {
      return (TaskType) Class.forName("servicerunner.task." + cls).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null; // not built into this jar
    }
  }
}
