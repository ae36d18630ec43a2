package servicerunner.task;

import java.nio.file.Path;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.param.Params;

/**
 * The context a type's invocation sees when the plan is only checked ({@code --validate}): it may read its
 * parameters and the platform, but anything that would act (a process, a scratch folder) refuses, so the argv is
 * shown only where the type can say it without doing anything.
 */
final class PlanningContext implements TaskContext {
  private final Params params;

  PlanningContext(Params params) {
    this.params = params;
  }

  @Override
  public int index() {
    return 0;
  }

  @Override
  public Params params() {
    return params;
  }

  @Override
  public Platform platform() {
    return Platform.current();
  }

  @Override
  public ProcessResult run(ProcessSpec spec) {
    throw new UnsupportedOperationException("nothing runs while a plan is checked");
  }

  @Override
  public void log(String line) {}

  @Override
  public String env(String name) {
    return System.getenv(name);
  }

  @Override
  public Path scratchDir() {
    throw new UnsupportedOperationException("no files are written while a plan is checked");
  }

  @Override
  public void checkCancelled() {}
}
