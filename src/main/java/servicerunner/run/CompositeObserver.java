package servicerunner.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import servicerunner.progress.ProgressEvent;

/**
 * Sends each event to its observers in order. A required observer's failure aborts the run with a clear error
 * ({@link ObserverFailedException}); an optional one's is reported once through the log and the observer is dropped.
 */
public final class CompositeObserver implements RunObserver {
  private record Bound(RunObserver observer, boolean required, String name) {}

  private final List<Bound> observers = new ArrayList<>();
  private final List<Bound> dropped = new ArrayList<>();

  public CompositeObserver required(String name, RunObserver o) {
    observers.add(new Bound(o, true, name));
    return this;
  }

  public CompositeObserver optional(String name, RunObserver o) {
    observers.add(new Bound(o, false, name));
    return this;
  }

  private void each(Consumer<RunObserver> event) {
    List<Bound> failed = null;
    synchronized (this) {
      for (Bound b : observers) {
        try {
          event.accept(b.observer());
        } catch (RuntimeException e) {
          if (b.required()) {
            throw new ObserverFailedException(b.name(), e);
          }
          if (failed == null) {
            failed = new ArrayList<>();
          }
          failed.add(b);
        }
      }
      if (failed != null) {
        observers.removeAll(failed);
        dropped.addAll(failed);
      }
    }
    if (failed != null) {
      for (Bound b : failed) {
        log("Warning: " + b.name() + " failed and was turned off; the run goes on");
      }
    }
  }

  @Override
  public void runStarted(int total) {
    each(o -> o.runStarted(total));
  }

  @Override
  public void log(String line) {
    each(o -> o.log(line));
  }

  @Override
  public void logAll(List<String> lines) {
    each(o -> o.logAll(lines));
  }

  @Override
  public void taskStarted(int index, String type) {
    each(o -> o.taskStarted(index, type));
  }

  @Override
  public void taskOutput(int index, String type, String line) {
    each(o -> o.taskOutput(index, type, line));
  }

  @Override
  public void taskProgress(int index, String type, ProgressEvent event) {
    each(o -> o.taskProgress(index, type, event));
  }

  @Override
  public void taskFinished(TaskResult result, Progress progress) {
    each(o -> o.taskFinished(result, progress));
  }

  @Override
  public void taskSkipped(TaskResult result, Progress progress, boolean withProgress) {
    each(o -> o.taskSkipped(result, progress, withProgress));
  }

  @Override
  public void taskStateChanged(TaskState state) {
    each(o -> o.taskStateChanged(state));
  }

  @Override
  public void runPaused(String reason) {
    each(o -> o.runPaused(reason));
  }

  @Override
  public void runResumed(String reason) {
    each(o -> o.runResumed(reason));
  }

  @Override
  public void runStopped(String reason) {
    each(o -> o.runStopped(reason));
  }

  @Override
  public void runFinished(RunOutcome outcome) {
    each(o -> o.runFinished(outcome));
  }
}
