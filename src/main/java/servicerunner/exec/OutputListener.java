package servicerunner.exec;

/** Receives decoded output lines live, split on LF, CRLF and lone CR (progress redraws). Called from pump threads. */
@FunctionalInterface
public interface OutputListener {
  OutputListener NONE = (stream, line) -> {};

  void onLine(Stream stream, String line);

  enum Stream {
    STDOUT,
    STDERR
  }
}
