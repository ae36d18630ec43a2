package servicerunner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report file: D6 (special targets), D14 (abandoned temp), D15 (long names), D16 (mode). */
class AtomicFileTest {
  @TempDir Path tmp;

  private static boolean linux() {
    return System.getProperty("os.name").startsWith("Linux");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void fifoAndDeviceAreRefusedAndLeftInPlace() throws Exception {
    assumeTrue(linux());
    Path fifo = tmp.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(fifo, new byte[] {1}));
    assertTrue(e.getMessage().contains("a FIFO"), e.getMessage());
    assertFalse(Files.isRegularFile(fifo), "still the FIFO");
    Path link = tmp.resolve("null-link");
    Files.createSymbolicLink(link, Path.of("/dev/null"));
    e = assertThrows(IOException.class, () -> AtomicFile.write(link, new byte[] {1}));
    assertTrue(e.getMessage().contains("a character device"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(List.of("null-link", "pipe"), names(), "no temp file left");
  }

  @Test
  void aLinkToARegularFileIsWrittenThroughAndKept() throws Exception {
    Path real = tmp.resolve("real.json");
    Files.writeString(real, "old");
    Path link = tmp.resolve("link.json");
    Files.createSymbolicLink(link, real.getFileName());
    AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aLongValidNameWorks() throws Exception {
    String name = "r".repeat(250) + ".json"; // 255 bytes: the longest name ext4 allows
    AtomicFile.write(tmp.resolve(name), "x".getBytes(StandardCharsets.UTF_8));
    assertEquals("x", Files.readString(tmp.resolve(name)));
    String wide = "\u00e9".repeat(120) + ".json"; // 245 bytes of UTF-8
    AtomicFile.write(tmp.resolve(wide), "y".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(name, wide).stream().sorted().collect(Collectors.toList()), names());
  }

  @Test
  void aTempFileOfADeadWriterIsRemovedByTheNextWrite() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String dead = AtomicFile.tempName("report.json").replace("." + ProcessHandle.current().pid() + ".", "." + p.pid() + ".");
    Files.writeString(tmp.resolve(dead), "half a report");
    String live = AtomicFile.tempName("report.json"); // this process: a write going on now, not to be touched
    Files.writeString(tmp.resolve(live), "in progress");
    Files.writeString(tmp.resolve(".other.json.1.0123456789abcdef.tmp"), "another target's");
    AtomicFile.write(tmp.resolve("report.json"), "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(".other.json.1.0123456789abcdef.tmp", live, "report.json").stream().sorted()
        .collect(Collectors.toList()), names());
  }

  @Test
  void theModeFollowsTheUmask() throws Exception {
    assumeTrue(linux());
    int umask = umask();
    Path f = tmp.resolve("report.json");
    AtomicFile.write(f, "{}".getBytes(StandardCharsets.UTF_8));
    int mode = 0;
    for (char c : PosixFilePermissions.toString(Files.getPosixFilePermissions(f)).toCharArray()) {
      mode = mode << 1 | (c == '-' ? 0 : 1);
    }
    assertEquals(0666 & ~umask, mode, "not always 0600 (D16)");
  }

  private static int umask() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Umask:")) {
        return Integer.parseInt(line.substring(6).trim(), 8);
      }
    }
    throw new IllegalStateException("no Umask in /proc/self/status");
  }
}
