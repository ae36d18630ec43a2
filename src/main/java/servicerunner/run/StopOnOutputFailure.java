package servicerunner.run;

import servicerunner.progress.ProgressEvent;

/**
 * Child output is forwarded from process pump threads, which swallow listener errors so that a child never blocks on
 * a full pipe. When the app has closed stderr, that swallowed error is the first sign; this wrapper turns it into a
 * stop ("output_closed") that ends the running tree at once instead of letting it run for an hour unobserved.
 */
final class StopOnOutputFailure implements RunObserver {
  private final RunObserver delegate;
  private final RunController controller;

  StopOnOutputFailure(RunObserver delegate, RunController controller) {
    this.delegate = delegate;
    this.controller = controller;
  }

  @Override
  public void log(String line) {
    guard(() -> delegate.log(line));
  }

  @Override
  public void taskOutput(int index, String type, String line) {
    guard(() -> delegate.taskOutput(index, type, line));
  }

  @Override
  public void taskProgress(int index, String type, ProgressEvent event) {
    guard(() -> delegate.taskProgress(index, type, event));
  }

  private void guard(Runnable r) {
    try {
      r.run();
    } catch (ObserverFailedException e) {
      controller.interrupt(e.outputClosed() ? StopReason.OUTPUT_CLOSED : StopReason.OBSERVER_FAILED);
      throw e;
    }
  }
}
