package servicerunner.task.diskspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.DeclaredTask;
import servicerunner.task.Verdict;

/**
 * Free space on every mounted volume, in process. Windows: the drive letters ({@code File.listRoots}); Linux:
 * {@code /proc/mounts} without pseudo file systems; macOS and others: the JVM's file stores. The reference only
 * probed A: to Z: and so found nothing on Linux.
 */
public final class DiskSpaceReportTask extends DeclaredTask {
  /** The report's human_readable.status (kept as it always was) to the declared verdict id. */
  private static final Map<String, String> VERDICTS = Map.of("ok", "enough_space", "warning", "nearly_full",
      "critical", "critically_full", "failed", "no_drives");

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("disk_space_report",
          "Reports size, used and free space of every mounted drive and warns when one is nearly full.")
      .params(
          ParamSpec.number("warn_percent", "Usage above this percentage gives a warning.").defaultsTo(80)
              .range(0.0, 100.0),
          ParamSpec.number("critical_percent", "Usage above this percentage is critical.").defaultsTo(90)
              .range(0.0, 100.0))
      // reading sizes takes milliseconds; a hung network mount cannot be interrupted, so a minute is generous
      .timeout(Duration.ofMinutes(1))
      .verdicts(VERDICTS.values().stream().sorted().toArray(String[]::new))
      .build();

  public DiskSpaceReportTask() {
    super(DECLARATION);
  }

  @Override
  public TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    List<DiskSpaceReport.Volume> volumes = ctx.platform().isWindows() ? windowsDrives() : unixVolumes();
    ctx.checkCancelled();
    ObjectNode s = DiskSpaceReport.build(volumes, p.number("warn_percent"), p.number("critical_percent"));
    Verdict v = Verdict.of(VERDICTS.get(s.at("/human_readable/status").asText()),
        volumes.isEmpty() ? s.get("error").asText() : s.at("/human_readable/verdict").asText());
    return TaskOutcome.of(volumes.isEmpty() ? Status.FAILURE : Status.SUCCESS, v, s);
  }

  private static List<DiskSpaceReport.Volume> unixVolumes() {
    Path procMounts = Path.of("/proc/mounts");
    if (Files.isReadable(procMounts)) {
      try {
        return mounted(MountTable.parse(Files.readString(procMounts)));
      } catch (IOException e) {
        // fall back to what the JVM lists
      }
    }
    return fileStores();
  }

  static List<DiskSpaceReport.Volume> windowsDrives() {
    List<DiskSpaceReport.Volume> out = new ArrayList<>();
    for (File root : File.listRoots()) {
      long total = root.getTotalSpace();
      if (total <= 0) {
        continue; // an empty card reader or optical drive
      }
      String fs = "";
      try {
        fs = Files.getFileStore(root.toPath()).type();
      } catch (IOException | RuntimeException ignored) {
        // the type is a nicety
      }
      out.add(new DiskSpaceReport.Volume(root.getPath(), root.getPath(), null, fs, total, root.getFreeSpace(),
          root.getUsableSpace()));
    }
    return out;
  }

  static List<DiskSpaceReport.Volume> mounted(List<MountTable.Mount> mounts) {
    List<DiskSpaceReport.Volume> out = new ArrayList<>();
    for (MountTable.Mount m : mounts) {
      File dir = new File(m.mountPoint());
      long total = dir.getTotalSpace();
      if (!dir.isDirectory() || total <= 0) {
        continue; // bind-mounted files and unreadable mounts
      }
      out.add(new DiskSpaceReport.Volume(m.mountPoint(), m.mountPoint(), m.device(), m.fsType(), total,
          dir.getFreeSpace(), dir.getUsableSpace()));
    }
    return out;
  }

  /** macOS and others: FileStore.toString() is "mount (device)". */
  static List<DiskSpaceReport.Volume> fileStores() {
    List<DiskSpaceReport.Volume> out = new ArrayList<>();
    for (FileStore fs : FileSystems.getDefault().getFileStores()) {
      try {
        String text = fs.toString();
        int paren = text.lastIndexOf(" (");
        String mount = paren > 0 ? text.substring(0, paren) : text;
        MountTable.Mount m = new MountTable.Mount(fs.name(), mount, fs.type());
        if (!MountTable.keep(m) || fs.getTotalSpace() <= 0) {
          continue;
        }
        out.add(new DiskSpaceReport.Volume(mount, mount, fs.name(), fs.type(), fs.getTotalSpace(),
            fs.getUnallocatedSpace(), fs.getUsableSpace()));
      } catch (IOException | RuntimeException ignored) {
        // a store that vanished while listing
      }
    }
    return out;
  }
}
