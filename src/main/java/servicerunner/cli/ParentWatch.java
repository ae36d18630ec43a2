package servicerunner.cli;

import java.time.Duration;
import java.util.Optional;
import servicerunner.run.RunController;

/**
 * Stops the run when the app that started the runner dies. Closed pipes are noticed at the next write, but a silent
 * tool (sfc, DISM) may write nothing for an hour; without this the runner and its tree would keep the machine busy
 * with nobody watching. Polling is cheap: one liveness check of one process.
 */
final class ParentWatch implements AutoCloseable {
  private static final Duration INTERVAL = Duration.ofMillis(250);

  private final Thread thread;
  private volatile boolean running = true;

  private ParentWatch(ProcessHandle parent, RunController controller) {
    thread = new Thread(() -> loop(parent, controller), "sr-parent");
    thread.setDaemon(true);
  }

  static Optional<ParentWatch> start(RunController controller) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty() || parent.get().pid() <= 1) {
      return Optional.empty(); // started by init or a container entry point: nothing to watch
    }
    ParentWatch w = new ParentWatch(parent.get(), controller);
    w.thread.start();
    return Optional.of(w);
  }

  private void loop(ProcessHandle parent, RunController controller) {
    while (running) {
      if (!parent.isAlive()) {
        controller.interrupt("parent_exited");
        return;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
