package servicerunner.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import servicerunner.exec.Platform;
import servicerunner.run.RunController;
import servicerunner.run.StopReason;

/**
 * Stops the run when the app that started the runner dies. Closed pipes are noticed at the next write, but a silent
 * tool (sfc, DISM) may write nothing for an hour; without this the runner and its tree would keep the machine busy
 * with nobody watching. Polling is cheap: one liveness check of one process. Only when our output goes to pipes (as
 * from the app): a run started with nohup or with output to files is meant to outlive its shell.
 */
public final class ParentWatch implements AutoCloseable {
  private static final Duration INTERVAL = Duration.ofMillis(250);

  private final Thread thread;
  private volatile boolean running = true;

  private ParentWatch(ProcessHandle parent, RunController controller) {
    thread = new Thread(() -> loop(parent, controller), "sr-parent");
    thread.setDaemon(true);
  }

  public static Optional<ParentWatch> start(RunController controller) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty() || parent.get().pid() <= 1) {
      return Optional.empty(); // started by init or a container entry point: nothing to watch
    }
    if (Platform.current() == Platform.LINUX && !isPipe(1) && !isPipe(2)) {
      return Optional.empty(); // nohup or output to files: the user wants the run to outlive the shell
    }
    ParentWatch w = new ParentWatch(parent.get(), controller);
    w.thread.start();
    return Optional.of(w);
  }

  /** The app reads our output through pipes; a terminal or a file means someone meant us to run on our own. */
  private static boolean isPipe(int fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString().startsWith("pipe:");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void loop(ProcessHandle parent, RunController controller) {
    while (running) {
      if (gone(parent)) {
        controller.interrupt(StopReason.PARENT_EXITED);
        return;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Whether the parent died. A dead parent that nobody reaped is a zombie, which {@link ProcessHandle#isAlive} still
   * counts as alive (the audit recheck's parent was such a zombie: the run went on to its end); but the kernel hands
   * a dead parent's children to another process at once, so on Linux a new parent says it too.
   */
  static boolean gone(ProcessHandle parent) {
    if (!parent.isAlive()) {
      return true;
    }
    return Platform.current() == Platform.LINUX
        && ProcessHandle.current().parent().map(p -> p.pid() != parent.pid()).orElse(true);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
