package servicerunner.task.diskspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/mounts} (text in, real storage mounts out; pure). Kernel and memory file systems, container
 * plumbing and read-only images are left out, and a device mounted twice (bind mounts, btrfs subvolumes, the files
 * Docker binds into a container) is listed once, at its shortest mount point.
 */
public final class MountTable {
  private MountTable() {}

  /** One line of /proc/mounts. */
  public record Mount(String device, String mountPoint, String fsType) {}

  /** File systems that hold no user data: kernel views, RAM, snaps (squashfs images) and desktop FUSE helpers. */
  static final Set<String> PSEUDO = Set.of("proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup", "cgroup2",
      "securityfs", "pstore", "bpf", "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs",
      "binfmt_misc", "rpc_pipefs", "nsfs", "squashfs", "efivarfs", "ramfs", "selinuxfs", "nfsd", "devfs", "rootfs",
      "fuse.gvfsd-fuse", "fuse.portal", "fuse.lxcfs", "fuse.snapfuse", "tmpfs.ro", "iso9660", "udf", "shm");

  /** Mount trees that only hold kernel or runtime state, even when a real file system is mounted there. */
  static final List<String> SYSTEM_PREFIXES = List.of("/proc", "/sys", "/dev", "/run", "/snap", "/var/lib/docker",
      "/var/lib/containers", "/var/snap");

  private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

  public static List<Mount> parse(String procMounts) {
    List<Mount> out = new ArrayList<>();
    Set<String> seenDevices = new HashSet<>();
    Set<String> seenMounts = new HashSet<>();
    List<Mount> all = new ArrayList<>();
    for (String line : procMounts.split("\r\n|\r|\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 3) {
        continue; // a partial line
      }
      all.add(new Mount(unescape(f[0]), unescape(f[1]), f[2].toLowerCase(Locale.ROOT)));
    }
    // shortest mount point first, so a bind mount of the same device is the one dropped
    all.sort((a, b) -> Integer.compare(a.mountPoint().length(), b.mountPoint().length()));
    for (Mount m : all) {
      if (!keep(m)) {
        continue;
      }
      boolean namedDevice = m.device().startsWith("/") || m.device().contains(":");
      if ((namedDevice && !seenDevices.add(m.device())) || !seenMounts.add(m.mountPoint())) {
        continue;
      }
      out.add(m);
    }
    out.sort((a, b) -> a.mountPoint().compareTo(b.mountPoint()));
    return out;
  }

  static boolean keep(Mount m) {
    if ("overlay".equals(m.fsType()) || "aufs".equals(m.fsType())) {
      return "/".equals(m.mountPoint()); // a container's root is its disk; other overlays are Docker's layers
    }
    if (PSEUDO.contains(m.fsType())) {
      return false;
    }
    if ("/".equals(m.mountPoint())) {
      return true;
    }
    return SYSTEM_PREFIXES.stream().noneMatch(p -> m.mountPoint().equals(p) || m.mountPoint().startsWith(p + "/"));
  }

  /** /proc/mounts writes space, tab, newline and backslash as octal escapes (\040 ...). */
  static String unescape(String s) {
    return OCTAL_ESCAPE.matcher(s).replaceAll(
        m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
  }
}
