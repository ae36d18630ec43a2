package servicerunner.report;

import servicerunner.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;

/** hostname, username, os_name, os_version: what the reference put in metadata before the plan's own keys. */
public final class SystemMetadata {
  private SystemMetadata() {}

  public static ObjectNode collect() {
    ObjectNode m = Json.object();
    m.put("hostname", hostname());
    m.put("username", System.getProperty("user.name", ""));
    m.put("os_name", osName());
    m.put("os_version", System.getProperty("os.version", ""));
    return m;
  }

  private static String osName() {
    String os = System.getProperty("os.name", "");
    // platform.system() says "Windows", "Linux", "Darwin"; Java says "Windows 11", "Linux", "Mac OS X"
    if (os.startsWith("Windows")) {
      return "Windows";
    }
    if (os.startsWith("Mac")) {
      return "Darwin";
    }
    return os;
  }

  private static String hostname() {
    String env = System.getenv("COMPUTERNAME");
    if (env == null || env.isBlank()) {
      env = System.getenv("HOSTNAME");
    }
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "";
    }
  }
}
