package servicerunner.exec;

/** Receives decoded output lines live, split on LF, CRLF and lone CR (progress redraws). Called from pump threads. */
@FunctionalInterface
public interface OutputListener {
  OutputListener NONE = (stream, line) -> {};

  void onLine(Stream stream, String line);

  /**
   * The tool was launched (before any of its lines). Progress measures its tree's CPU time from its handle, asked for
   * only when needed: a handle costs a read of /proc on Linux, and most tools are done before a heartbeat.
   */
  default void started(Process process) {}

  enum Stream {
    STDOUT,
    STDERR
  }
}
