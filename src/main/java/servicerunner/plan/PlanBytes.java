package servicerunner.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the plan's bytes with a size limit, whatever the source: a file, stdin, or a device or FIFO given as the
 * plan path ({@code /dev/zero} must end in a plan error, not in an exhausted heap). The limit is checked before
 * reading where the size is known, and enforced while reading everywhere else.
 */
final class PlanBytes {
  private PlanBytes() {}

  /**
   * Default for {@code --max-plan-bytes}: far above any plan the app writes (a few KB), and low enough that a plan
   * at the limit still fits the launcher's 192 MB heap as a parsed tree and a report.
   */
  static final long DEFAULT_MAX = 32L * 1024 * 1024;

  /** The whole of {@code in}, or a plan error once more than {@code max} bytes arrive. */
  static byte[] read(InputStream in, long max, String source) throws IOException, PlanException {
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
    byte[] bytes = in.readNBytes(cap);
    if (bytes.length > max) {
      throw tooLarge(source, "more than " + amount(max), max);
    }
    return bytes;
  }

  static byte[] readFile(String argument, long max) throws PlanException {
    Path path;
    try {
      path = Path.of(argument);
    } catch (RuntimeException e) {
      throw new PlanException(argument + ": not a valid file path (" + e.getMessage() + ")");
    }
    if (Files.isDirectory(path)) {
      throw new PlanException(argument + ": is a directory, not a plan file");
    }
    try {
      if (Files.isRegularFile(path)) {
        long size = Files.size(path);
        if (size > max) {
          throw tooLarge(argument, amount(size), max);
        }
      }
      try (InputStream in = Files.newInputStream(path)) {
        return read(in, max, argument);
      }
    } catch (NoSuchFileException e) {
      throw new PlanException(argument + ": plan file not found");
    } catch (IOException | RuntimeException e) {
      throw new PlanException(argument + ": cannot read the plan file (" + e.getMessage() + ")");
    }
  }

  private static PlanException tooLarge(String source, String size, long max) {
    return new PlanException(source + ": the plan is " + size + ", larger than the limit of " + amount(max)
        + " (raise it with --max-plan-bytes)");
  }

  static String amount(long bytes) {
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }

  /** Inline plan text as bytes, under the same limit. */
  static byte[] inline(String text, long max) throws PlanException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > max) {
      throw tooLarge("inline plan", amount(bytes.length), max);
    }
    return bytes;
  }
}
