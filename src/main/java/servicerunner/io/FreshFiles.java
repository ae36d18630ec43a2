package servicerunner.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a result file written by this run only: the newest file matching a glob whose mtime is not older than the
 * task start. The reference parsed the newest log regardless of age, so a stale report from an earlier run was
 * reported as today's result (protocol bug B17).
 */
public final class FreshFiles {
  private FreshFiles() {}

  /** Slack for file systems with coarse mtimes (FAT: 2 s). */
  static final Duration MTIME_SLACK = Duration.ofSeconds(2);

  /**
   * The newest matching file written while a tool ran for {@code ranFor}. A process's duration is measured from just
   * before the launch to the result, which the task reads at once, so now minus the duration is no later than the
   * launch.
   */
  public static Optional<Path> writtenDuring(Path dir, String glob, Duration ranFor) {
    return newestSince(dir, glob, Instant.now().minus(ranFor));
  }

  public static Optional<Path> newestSince(Path dir, String glob, Instant since) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Instant limit = since.minus(MTIME_SLACK);
    Path best = null;
    FileTime bestTime = null;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      for (Path p : ds) {
        if (!Files.isRegularFile(p)) {
          continue;
        }
        FileTime t = Files.getLastModifiedTime(p);
        if (t.toInstant().isBefore(limit)) {
          continue;
        }
        if (bestTime == null || t.compareTo(bestTime) > 0) {
          best = p;
          bestTime = t;
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(best);
  }
}
