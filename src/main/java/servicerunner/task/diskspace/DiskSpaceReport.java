package servicerunner.task.diskspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import servicerunner.json.Json;

/** Builds the disk_space_report summary from measured volumes (pure). Sizes are GiB (1024^3), as the reference. */
public final class DiskSpaceReport {
  private DiskSpaceReport() {}

  static final double GIB = 1024.0 * 1024 * 1024;

  /**
   * One volume. {@code freeBytes} is what the file system still has unallocated (used = total - free, as df and
   * Python's disk_usage count), {@code usableBytes} what a normal user may still write (root reserve excluded).
   */
  public record Volume(String drive, String mount, String device, String filesystem, long totalBytes, long freeBytes,
      long usableBytes) {}

  public static ObjectNode build(List<Volume> volumes, double warnPercent, double criticalPercent) {
    ObjectNode s = Json.object();
    ArrayNode drives = s.putArray("drives");
    ObjectNode hr = Json.object();
    ArrayNode summary = hr.putArray("summary");
    ArrayNode warnings = hr.putArray("warnings");
    int critical = 0;
    int warn = 0;
    for (Volume v : volumes) {
      long used = Math.max(0, v.totalBytes() - v.freeBytes());
      // df's Use%: used / (used + what users may still write). It equals used / total where nothing is reserved
      // (Windows, the reference), and on ext4 with a root reserve it says "full" when users can no longer write.
      long base = used + Math.max(0, v.usableBytes());
      double pct = base > 0 ? Json.round(used * 100.0 / base, 1) : 0;
      ObjectNode d = drives.addObject();
      d.put("drive", v.drive());
      d.put("mount", v.mount());
      if (v.device() != null) {
        d.put("device", v.device());
      }
      d.put("filesystem", v.filesystem());
      d.put("total_gb", gb(v.totalBytes()));
      d.put("used_gb", gb(used));
      d.put("free_gb", gb(v.usableBytes()));
      d.put("usage_percent", pct);
      summary.add(v.drive() + ": " + gb(used) + " GB used of " + gb(v.totalBytes()) + " GB (" + pct + "%), "
          + gb(v.usableBytes()) + " GB free");
      if (pct > criticalPercent) {
        critical++;
        warnings.add(v.drive() + " is " + pct + "% full, only " + gb(v.usableBytes()) + " GB free (critical)");
      } else if (pct > warnPercent) {
        warn++;
        warnings.add(v.drive() + " is " + pct + "% full, " + gb(v.usableBytes()) + " GB free");
      }
    }
    hr.put("verdict", volumes.isEmpty() ? "no drives found"
        : critical > 0 ? critical + " drive(s) critically full"
        : warn > 0 ? warn + " drive(s) nearly full"
        : "all " + volumes.size() + " drive(s) have enough free space");
    hr.put("status", volumes.isEmpty() ? "failed" : critical > 0 ? "critical" : warn > 0 ? "warning" : "ok");
    s.set("human_readable", hr);
    s.put("warn_percent", warnPercent);
    s.put("critical_percent", criticalPercent);
    if (volumes.isEmpty()) {
      s.put("error", "No drives found");
    }
    return s;
  }

  static double gb(long bytes) {
    return Json.round(bytes / GIB, 2);
  }
}
