package servicerunner.report.view;

import java.util.Map;

/** What each task type is called in a report a customer may read; the type id stays visible beside it. */
public final class TypeNames {
  private TypeNames() {}

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("command", "Command"),
      Map.entry("ping_test", "Ping test"),
      Map.entry("iperf_test", "Network throughput (iperf3)"),
      Map.entry("speedtest", "Internet speed test"),
      Map.entry("disk_space_report", "Disk space"),
      Map.entry("battery_health_report", "Battery health"),
      Map.entry("bleachbit_clean", "Cleanup (BleachBit)"),
      Map.entry("smartctl_report", "Drive health (SMART)"),
      Map.entry("chkdsk_scan", "Disk check (chkdsk)"),
      Map.entry("sfc_scan", "System file check (sfc)"),
      Map.entry("dism_health_check", "Component store health (DISM)"),
      Map.entry("winsat_disk", "Disk benchmark (WinSAT)"),
      Map.entry("kvrt_scan", "Virus scan (Kaspersky KVRT)"),
      Map.entry("trellix_stinger_scan", "Virus scan (Trellix Stinger)"),
      Map.entry("adwcleaner_clean", "Adware cleanup (AdwCleaner)"),
      Map.entry("drivecleanup_clean", "Old device cleanup (DriveCleanup)"),
      Map.entry("furmark_stress_test", "GPU stress test (FurMark)"),
      Map.entry("heavyload_stress_test", "Stress test (HeavyLoad)"),
      Map.entry("whynotwin11_check", "Windows 11 readiness"),
      Map.entry("windows_update", "Windows Update"),
      Map.entry("windows_update_logs_analysis", "Windows Update errors"),
      Map.entry("system_restore", "Restore point"),
      Map.entry("ai_startup_disable", "Startup items review (AI)"),
      Map.entry("ai_browser_notification_disable", "Browser notifications review (AI)"));

  public static String of(String type) {
    String n = NAMES.get(type);
    return n != null ? n : Text.humanise(type);
  }
}
