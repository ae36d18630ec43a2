package servicerunner.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets another thread (control file watcher, signal handler) end the running task. The first reason wins; callbacks
 * registered after cancellation run at once.
 */
public final class CancelToken {
  private volatile String reason;
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  public boolean cancel(String why) {
    synchronized (this) {
      if (reason != null) {
        return false;
      }
      reason = why;
    }
    for (Runnable r : callbacks) {
      r.run();
    }
    return true;
  }

  public boolean isCancelled() {
    return reason != null;
  }

  /** The reason given to {@link #cancel}, or null. */
  public String reason() {
    return reason;
  }

  public void onCancel(Runnable r) {
    callbacks.add(r);
    if (isCancelled()) {
      r.run();
    }
  }

  public void removeCallback(Runnable r) {
    callbacks.remove(r);
  }
}
