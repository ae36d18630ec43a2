package servicerunner.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a path is, in words for an error line: "a FIFO", "a character device", "a directory", ... */
public final class FileKind {
  private FileKind() {}

  private static final int S_IFMT = 0170000;

  /** Whether the path (links followed) exists and is something other than a regular file. */
  public static boolean isSpecial(Path p) {
    return Files.exists(p) && !Files.isRegularFile(p);
  }

  /** The kind of what is at {@code p}, links followed. */
  public static String describe(Path p) {
    if (Files.isDirectory(p)) {
      return "a directory";
    }
    if (Files.isRegularFile(p)) {
      return "a regular file";
    }
    try {
      int mode = (Integer) Files.getAttribute(p, "unix:mode");
      switch (mode & S_IFMT) {
        case 0010000:
          return "a FIFO";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          break;
      }
    } catch (IOException | RuntimeException e) {
      // no unix view (Windows): the generic words below
    }
    return "something other than a regular file";
  }
}
