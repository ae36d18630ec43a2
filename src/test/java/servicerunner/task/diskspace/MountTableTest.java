package servicerunner.task.diskspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Fixtures;

/** MountTable on /proc/mounts text; the recorded samples are golden cases (GoldenToolOutputTest). */
class MountTableTest {

  @Test
  void escapedSpacesAndPseudoFileSystems() {
    String text = new String(Fixtures.bytes(Fixtures.path("tool-output", "disk_space_report", "linux-desktop.rc0.utf8")),
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

  @Test
  void octalEscapesAreDecodedLeftToRightAndAnythingElseIsKept() {
    assertEquals("/mnt/my disk", MountTable.unescape("/mnt/my\\040disk"));
    assertEquals("/a\\b", MountTable.unescape("/a\\134b"));
    assertEquals("\\134", MountTable.unescape("\\134134"), "a decoded backslash does not start another escape");
    assertEquals("\\1 ", MountTable.unescape("\\1\\040"));
    assertEquals("x\\04 \\$", MountTable.unescape("x\\04 \\$"));
  }
}
