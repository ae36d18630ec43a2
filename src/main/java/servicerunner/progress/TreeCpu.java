package servicerunner.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds of a process tree: what tells a quietly working tool (sfc prints nothing for minutes) from a hung one.
 * Each live process's own time ({@code ProcessHandle.Info.totalCpuDuration}), and on Linux also the time of the
 * children it already reaped ({@code cutime + cstime} in {@code /proc/<pid>/stat}), so a shell loop's finished
 * commands still count. Children of a reaped child are in its cutime, so nothing is counted twice.
 */
final class TreeCpu {
  /** USER_HZ: the unit of /proc's times; 100 on every Linux architecture Java runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private TreeCpu() {}

  /** The tree's CPU seconds, or null when the root is gone and nothing could be read. */
  static Double seconds(ProcessHandle root) {
    double[] sum = {0};
    boolean[] any = {false};
    add(root, sum, any);
    root.descendants().forEach(p -> add(p, sum, any));
    return any[0] ? sum[0] : null;
  }

  private static void add(ProcessHandle p, double[] sum, boolean[] any) {
    var own = p.info().totalCpuDuration();
    if (own.isPresent()) {
      sum[0] += own.get().toNanos() / 1e9;
      any[0] = true;
    }
    sum[0] += reapedChildren(p.pid());
  }

  /** Linux: the CPU time of the process's children it waited for; 0 elsewhere or when unreadable. */
  static double reapedChildren(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String s = Files.readString(stat);
      // the command name in parentheses may hold spaces: the fields after it start at the last ')'
      String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
      // after the name: state(3) ppid ... utime(14) stime(15) cutime(16) cstime(17); f[0] is field 3
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
