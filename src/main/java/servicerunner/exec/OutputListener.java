package servicerunner.exec;

/** Receives decoded output lines live, split on LF, CRLF and lone CR (progress redraws). Called from pump threads. */
@FunctionalInterface
public interface OutputListener {
  OutputListener NONE = (stream, line) -> {};

  void onLine(Stream stream, String line);

  /** The tool was launched (before any of its lines): progress measures its tree's CPU time from this handle. */
  default void started(ProcessHandle process) {}

  /**
   * The same, with the process: a listener that needs its handle only later (a heartbeat seconds on) asks for it then;
   * a handle costs a read of /proc on Linux, and most tools are done before.
   */
  default void started(Process process) {
    started(process.toHandle());
  }

  enum Stream {
    STDOUT,
    STDERR
  }
}
