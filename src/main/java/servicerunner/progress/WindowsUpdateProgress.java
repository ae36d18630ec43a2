package servicerunner.progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The windows_update script's own {@code [WU] ...} lines (task/windowsupdate/windows_update.ps1, English by
 * construction): {@code Found N updates}, then one {@code <Result>: <Title>} per update while installing. Phases
 * scan (0-10 %), install (10-90 %, by updates done of those found), rescan (90 %).
 */
public final class WindowsUpdateProgress implements ProgressParser {
  public static final ProgressSource SOURCE = ProgressSource.of(p -> new WindowsUpdateProgress(),
      "scan", "install", "rescan");
  private static final Pattern FOUND = Pattern.compile("^\\[WU\\] Found (\\d{1,9}) updates");
  private static final Pattern ITEM = Pattern.compile("^\\[WU\\] [A-Za-z]+: \\S");

  private String phase;
  private long found;
  private long done;

  @Override
  public ProgressReading read(String line) {
    if (line.startsWith("[WU] Scanning for updates")) {
      phase = "scan";
      return ProgressReading.percent(0, phase);
    }
    Matcher f = FOUND.matcher(line);
    if (f.find()) {
      found = Long.parseLong(f.group(1));
      return null;
    }
    if (line.startsWith("[WU] Installing updates")) {
      phase = "install";
      return new ProgressReading(10.0, phase, 0L, found, "updates", null);
    }
    if ("install".equals(phase) && found > 0 && ITEM.matcher(line).find() && done < found) {
      done++;
      return new ProgressReading(10 + 80.0 * done / found, phase, done, found, "updates", null);
    }
    if (line.startsWith("[WU] Scanning again")) {
      phase = "rescan";
      return ProgressReading.percent(90, phase);
    }
    return null;
  }
}
