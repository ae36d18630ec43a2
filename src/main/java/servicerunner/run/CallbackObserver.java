package servicerunner.run;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import servicerunner.progress.ProgressEvent;

/** Adapts lambdas to {@link RunObserver}, for library users and tests. */
public final class CallbackObserver implements RunObserver {
  private BiConsumer<Integer, String> onStart = (i, t) -> {};
  private Consumer<TaskResult> onFinish = r -> {};
  private Consumer<RunOutcome> onRunFinished = o -> {};
  private Consumer<String> onLine = l -> {};
  private BiConsumer<Integer, ProgressEvent> onProgress = (i, e) -> {};

  public CallbackObserver onTaskStarted(BiConsumer<Integer, String> c) {
    onStart = c;
    return this;
  }

  public CallbackObserver onTaskFinished(Consumer<TaskResult> c) {
    onFinish = c;
    return this;
  }

  public CallbackObserver onRunFinished(Consumer<RunOutcome> c) {
    onRunFinished = c;
    return this;
  }

  /** Receives task output lines as {@code index:type:line}. */
  public CallbackObserver onOutput(Consumer<String> c) {
    onLine = c;
    return this;
  }

  /** Receives in-task progress and heartbeats with the task's index. */
  public CallbackObserver onProgress(BiConsumer<Integer, ProgressEvent> c) {
    onProgress = c;
    return this;
  }

  @Override
  public void taskProgress(int index, String type, ProgressEvent event) {
    onProgress.accept(index, event);
  }

  @Override
  public void taskStarted(int index, String type) {
    onStart.accept(index, type);
  }

  @Override
  public void taskOutput(int index, String type, String line) {
    onLine.accept(index + ":" + type + ":" + line);
  }

  @Override
  public void taskFinished(TaskResult result, Progress progress) {
    onFinish.accept(result);
  }

  @Override
  public void runFinished(RunOutcome outcome) {
    onRunFinished.accept(outcome);
  }
}
