package servicerunner.task;

import servicerunner.param.Params;
import java.nio.file.Path;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;

/** What a handler gets from the engine for one task run. */
public interface TaskContext {

  /** 0-based plan index of this task. */
  int index();

  Params params();

  Platform platform();

  /**
   * Runs a child process under the task's limits: the spec's timeout is capped by what is left of the task's own
   * timeout, output is forwarded live (unless the plan turned it off) and captured with a bound, and a skip or stop
   * ends the whole process tree and throws {@link TaskCancelledException}.
   */
  ProcessResult run(ProcessSpec spec);

  /** Writes a free-text line to the live log (prefixed with the task, so it can never be read as a marker). */
  void log(String line);

  /** Reads an environment variable (tests and {@code env:NAME} parameters go through here). */
  String env(String name);

  /** A scratch folder for this task, created on first use and removed after the run. */
  Path scratchDir();

  /** Throws {@link TaskCancelledException} if the task was cancelled; for handlers doing work in process. */
  void checkCancelled();
}
