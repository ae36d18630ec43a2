package servicerunner.exec;

import java.util.Locale;

/** The operating system family, which decides argv shapes (ping -n vs -c) and which task types can run. */
public enum Platform {
  WINDOWS,
  LINUX,
  MAC,
  OTHER;

  private static final Platform CURRENT = detect(System.getProperty("os.name", ""));

  public static Platform current() {
    return CURRENT;
  }

  static Platform detect(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return WINDOWS;
    }
    if (os.contains("linux")) {
      return LINUX;
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return MAC;
    }
    return OTHER;
  }

  public boolean isWindows() {
    return this == WINDOWS;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
