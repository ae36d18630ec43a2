package servicerunner.task.dism;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three /Cleanup-Image health actions, with the per-step limits AutoService used (protocol 6.3). */
enum DismAction {
  CHECKHEALTH("/CheckHealth", Duration.ofSeconds(3600)),
  SCANHEALTH("/ScanHealth", Duration.ofSeconds(3600)),
  RESTOREHEALTH("/RestoreHealth", Duration.ofSeconds(7200));

  final String flag;
  final Duration timeout;

  DismAction(String flag, Duration timeout) {
    this.flag = flag;
    this.timeout = timeout;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, with or without the leading slash ("CheckHealth", "/restorehealth"). */
  static Optional<DismAction> parse(String s) {
    String k = s.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
    return Arrays.stream(values()).filter(a -> a.id().equals(k)).findFirst();
  }
}
