package servicerunner.task.diskspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

/** /proc/mounts samples under fixtures/tool-output/disk_space_report against the mounts the report keeps. */
class MountTableGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("disk_space_report");
  }

  static ObjectNode kept(String procMounts) {
    ObjectNode o = Json.object();
    var arr = o.putArray("mounts");
    for (MountTable.Mount m : MountTable.parse(procMounts)) {
      arr.addObject().put("device", m.device()).put("mount", m.mountPoint()).put("filesystem", m.fsType());
    }
    return o;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path raw) {
    Fixtures.assertGolden(raw, kept(new String(Fixtures.bytes(raw), StandardCharsets.UTF_8)));
  }

  @Test
  void escapedSpacesAndPseudoFileSystems() {
    String text = new String(Fixtures.bytes(Fixtures.path("tool-output", "disk_space_report", "linux-desktop.mounts")),
        StandardCharsets.UTF_8);
    List<String> mounts = MountTable.parse(text).stream().map(MountTable.Mount::mountPoint).toList();
    assertEquals(List.of("/", "/boot/efi", "/data", "/home", "/media/tech/My USB Disk", "/mnt/backup", "/mnt/partial"),
        mounts);
  }

  @Test
  void overlayIsKeptOnlyAsTheRoot() {
    assertEquals(List.of(new MountTable.Mount("overlay", "/", "overlay")),
        MountTable.parse("overlay / overlay rw 0 0\noverlay /var/lib/docker/overlay2/x/merged overlay rw 0 0\n"));
  }
}
