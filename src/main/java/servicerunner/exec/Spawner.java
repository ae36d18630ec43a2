package servicerunner.exec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts processes from one thread that lives as long as the JVM. The {@code pidns} guard relies on
 * PR_SET_PDEATHSIG, which fires when the thread that forked the child ends, not the process (prctl(2)): a tool
 * started from a task's own thread would be killed the moment that thread finished. Starting is quick; the
 * caller waits for it.
 */
final class Spawner {
  private Spawner() {}

  // a FutureTask catches whatever a start throws, so this one thread is never replaced
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sr-spawn");
    t.setDaemon(true);
    return t;
  });

  static Process start(Callable<Process> start) throws IOException {
    Future<Process> f = THREAD.submit(start);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get(); // not abandoned on interrupt: a started process must reach its caller
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IOException(c);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
