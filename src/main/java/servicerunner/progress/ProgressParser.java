package servicerunner.progress;

import java.time.Duration;
import java.util.List;

/**
 * Reads progress from one task's output lines (LF, CRLF and bare-CR redraws already split, see exec/LineDecoder).
 * One instance per task run, so it may keep state (the phase it is in); called from one pump thread at a time.
 * Pure: no process, file or clock access, so golden tests replay recorded bytes exactly.
 */
public interface ProgressParser {

  /** What {@code line} says, or null when it says nothing about progress. */
  ProgressReading read(String line);

  /** The task starts another process (a multi-step type runs one per step); {@code argv} names the step. */
  default void processStarted(List<String> argv) {}

  /** How often to call {@link #tick} while a process runs; null (the default) for a parser of lines only. */
  default Duration tickEvery() {
    return null;
  }

  /** What the running time says, for a tool that prints nothing while it works (a stress test of a set length). */
  default ProgressReading tick(double processSeconds) {
    return null;
  }
}
