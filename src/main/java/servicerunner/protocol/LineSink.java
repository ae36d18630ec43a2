package servicerunner.protocol;

/** Where protocol lines go (stderr, the log file). Implementations write one whole line and flush. */
@FunctionalInterface
public interface LineSink {
  void writeLine(String line);
}
