package servicerunner.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that a crash leaves the old content or the new, never half: a temp file in the same folder,
 * fsync, atomic rename, then fsync of the folder so the rename itself survives a power cut.
 *
 * <p>The target must be a regular file or absent: a device node, FIFO or folder is refused, never renamed over (as
 * root, {@code -o /dev/null} would otherwise replace the system's /dev/null). A symbolic link is followed, so the
 * file it points to gets the content and the link stays. The temp file is created with the default mode, so the
 * result follows the umask like any file the user writes. Its name carries the writer's process id; a temp file
 * whose writer no longer runs (a killed run) is deleted by the next write to the same target.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Longest file name most file systems accept (ext4, NTFS, APFS: 255). */
  static final int MAX_NAME_BYTES = 255;
  private static final int MAX_LINKS = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What goes into the file, written to a buffered stream (not to be closed by the writer). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Streams {@code content} into the temp file, so that a large report is never held as one array. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = followLinks(target.toAbsolutePath());
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      throw new IOException(abs + " is " + FileKind.describe(abs) + "; only a regular file is replaced");
    }
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    String name = abs.getFileName().toString();
    removeAbandonedTemps(dir, name);
    Path tmp = dir.resolve(tempName(name));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The file a chain of symbolic links ends at (which may not exist yet); the path itself when it is no link. */
  static Path followLinks(Path abs) throws IOException {
    Path p = abs;
    for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
      p = p.getParent().resolve(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
    }
    if (Files.isSymbolicLink(p)) {
      throw new IOException(abs + ": too many levels of symbolic links");
    }
    return p;
  }

  /**
   * {@code .<name>.<pid>.<random>.tmp}, with the target's name cut (at a character) so the whole stays within
   * {@link #MAX_NAME_BYTES}: a valid long target name must not make the temp name invalid.
   */
  static String tempName(String target) {
    return "." + stem(target, STEM_BYTES) + "." + ProcessHandle.current().pid() + "."
        + HexFormat.of().formatHex(randomBytes()) + ".tmp";
  }

  /** Room for the name in a temp name: 255 less the dot, and ".<pid: up to 19 digits>.<16 hex>.tmp". */
  private static final int STEM_BYTES = MAX_NAME_BYTES - 1 - (1 + 19 + 1 + 16 + 4);

  /** The start of {@code name} that fits in {@code maxBytes} UTF-8 bytes, cut between code points. */
  static String stem(String name, int maxBytes) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return name;
    }
    int bytes = 0;
    int i = 0;
    while (i < name.length()) {
      int cp = name.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return name.substring(0, i);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Temp files of this target whose writer is gone (SIGKILL, power cut between write and rename). */
  static void removeAbandonedTemps(Path dir, String target) {
    String stem = stem(target, STEM_BYTES);
    Pattern own = Pattern.compile("\\." + Pattern.quote(stem) + "\\.(\\d{1,19})\\.[0-9a-f]{16}\\.tmp");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globSafe(stem) + "*.tmp")) {
      for (Path e : entries) {
        Matcher m = own.matcher(e.getFileName().toString());
        if (m.matches() && !running(m.group(1)) && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(e);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // tidying only: the write itself does not depend on it
    }
  }

  private static boolean running(String pid) {
    try {
      long p = Long.parseLong(pid);
      return ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not ours to judge
    }
  }

  /** The name with glob metacharacters replaced by '?', for a directory filter that only narrows the listing. */
  private static String globSafe(String s) {
    return s.replaceAll("[\\\\*?\\[\\]{}]", "?");
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException ignored) {
      // Windows cannot open a folder as a channel; the rename is still atomic there
    }
  }
}
