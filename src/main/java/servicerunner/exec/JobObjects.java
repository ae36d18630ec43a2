package servicerunner.exec;

import java.util.Optional;

/**
 * Windows Job Objects as the tree guard ({@code job_object}): the runner sits in a job that ends every process in
 * it when its last handle closes (KILL_ON_JOB_CLOSE), so nothing outlives the runner, even one killed outright; each
 * tool gets a job of its own nested in it (Windows 8 and later), which ends the tool's whole tree at once, whatever
 * the tree looks like by then. The implementation needs JNA and is loaded by name on Windows only, so no other
 * platform ever loads it or JNA.
 */
interface JobObjects {
  String IMPLEMENTATION = "servicerunner.exec.WindowsJobObjects";

  /** Puts a just-started tool in a job of its own; false when that failed (the tool runs on, unguarded by a job). */
  boolean adopt(Process tool);

  /** Ends every process in the tool's job; false when the tool has none (the caller falls back to taskkill). */
  boolean terminate(long pid);

  /** The tool has ended: its job is closed, which ends whatever it left behind. */
  void release(long pid);

  /**
   * The runner's jobs on Windows, made once: empty on any other platform, and on a Windows where the runner's job
   * cannot be made (JNA missing, or a job that forbids nesting before Windows 8), where the guard stays taskkill.
   */
  static Optional<JobObjects> forRunner(Platform platform) {
    if (!platform.isWindows()) {
      return Optional.empty();
    }
    try {
      return Optional.of((JobObjects) Class.forName(IMPLEMENTATION).getMethod("start").invoke(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }
}
