package servicerunner.run;

import java.nio.file.Path;
import servicerunner.exec.ProcessRunner;

/** Engine settings that are not part of the plan. */
public record RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot) {

  public static RunOptions defaults() {
    return new RunOptions(ProcessRunner.shared(), ForwardLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")));
  }

  public RunOptions withForwardLimits(ForwardLimits limits) {
    return new RunOptions(processRunner, limits, scratchRoot);
  }
}
