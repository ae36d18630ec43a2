package servicerunner.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered task types, one class each under {@code servicerunner.task.<name>}. Classes are loaded by name
 * only when a plan uses them, which keeps start-up lean; adding a type is one line here plus its class.
 */
public final class TaskCatalog {
  private TaskCatalog() {}

  private static final Map<String, String> CLASSES = new LinkedHashMap<>();

  static {
    // the generic type
    CLASSES.put("command", "command.CommandTask");
    // catalogue I: tools that run on Linux too
    CLASSES.put("bleachbit_clean", "bleachbit.BleachbitCleanTask");
    CLASSES.put("smartctl_report", "smartctl.SmartctlReportTask");
    CLASSES.put("ping_test", "ping.PingTestTask");
    CLASSES.put("iperf_test", "iperf.IperfTestTask");
    CLASSES.put("speedtest", "speedtest.SpeedtestTask");
    CLASSES.put("disk_space_report", "diskspace.DiskSpaceReportTask");
    CLASSES.put("battery_health_report", "battery.BatteryHealthReportTask");
    CLASSES.put("furmark_stress_test", "furmark.FurmarkStressTestTask");
    CLASSES.put("heavyload_stress_test", "heavyload.HeavyloadStressTestTask");
    // catalogue II: Windows maintenance tools
    CLASSES.put("sfc_scan", "sfc.SfcScanTask");
    CLASSES.put("dism_health_check", "dism.DismHealthCheckTask");
    CLASSES.put("chkdsk_scan", "chkdsk.ChkdskScanTask");
    CLASSES.put("winsat_disk", "winsat.WinsatDiskTask");
    CLASSES.put("system_restore", "systemrestore.SystemRestoreTask");
    CLASSES.put("windows_update", "windowsupdate.WindowsUpdateTask");
    CLASSES.put("windows_update_logs_analysis", "windowsupdate.WindowsUpdateLogsAnalysisTask");
    CLASSES.put("whynotwin11_check", "whynotwin11.WhyNotWin11CheckTask");
    CLASSES.put("kvrt_scan", "kvrt.KvrtScanTask");
    CLASSES.put("adwcleaner_clean", "adwcleaner.AdwCleanerCleanTask");
    CLASSES.put("trellix_stinger_scan", "stinger.TrellixStingerScanTask");
    CLASSES.put("drivecleanup_clean", "drivecleanup.DriveCleanupCleanTask");
    CLASSES.put("ai_startup_disable", "ai.AiStartupDisableTask");
    CLASSES.put("ai_browser_notification_disable", "ai.AiBrowserNotificationDisableTask");
  }

  /** Every id whose class is present, in listing order. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (String id : CLASSES.keySet()) {
      if (find(id) != null) {
        ids.add(id);
      }
    }
    return ids;
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
