package servicerunner.protocol;

/** Where protocol lines go (stderr, the log file). Implementations write one whole line and flush. */
@FunctionalInterface
public interface LineSink {
  void writeLine(String line);

  /**
   * Writes the lines together, in this order, with no other line between them; a sink that can does it in one write,
   * which wakes whoever reads it once instead of once per line (they stay whole lines).
   */
  default void writeLines(String... lines) {
    for (String l : lines) {
      writeLine(l);
    }
  }
}
