package servicerunner.schedule;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disk pool of a drive or path parameter: one pool per volume ({@code disk:C:}), because two scans on different
 * volumes do not compete for one disk head, while two on one volume do. A value without a drive letter (a relative
 * path, a POSIX path) and an absent value mean the system volume, where the tools work by default.
 */
public final class Volumes {
  private static final Pattern DRIVE = Pattern.compile("^\\s*([A-Za-z]):");
  private static final Pattern UNC = Pattern.compile("^\\s*[\\\\/]{2}([^\\\\/]+)[\\\\/]+([^\\\\/]+)");

  private Volumes() {}

  /** {@code disk:C:} for {@code "c:\\Users"} or {@code "C"}; {@code disk:\\\\host\\share} for a UNC path. */
  public static String diskPool(String driveOrPath) {
    return "disk:" + volume(driveOrPath);
  }

  static String volume(String v) {
    if (v == null || v.isBlank()) {
      return systemDrive();
    }
    String t = v.strip();
    if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
      return t.toUpperCase(Locale.ROOT) + ":";
    }
    Matcher m = DRIVE.matcher(t);
    if (m.find()) {
      return m.group(1).toUpperCase(Locale.ROOT) + ":";
    }
    Matcher u = UNC.matcher(t);
    if (u.find()) {
      return "\\\\" + u.group(1).toLowerCase(Locale.ROOT) + "\\" + u.group(2).toLowerCase(Locale.ROOT);
    }
    return systemDrive();
  }

  /** Windows names its system volume in {@code SystemDrive}; elsewhere (fake tools in tests) C: stands for it. */
  static String systemDrive() {
    String s = System.getenv("SystemDrive");
    return s != null && s.matches("[A-Za-z]:") ? s.toUpperCase(Locale.ROOT) : "C:";
  }
}
