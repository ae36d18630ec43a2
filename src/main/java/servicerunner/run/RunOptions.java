package servicerunner.run;

import java.nio.file.Path;
import servicerunner.exec.ProcessRunner;

/**
 * Engine settings that are not part of the plan.
 *
 * @param maxParallel at most this many tasks at once in a {@code parallel_execution} run, over the plan's
 *     {@code max_parallel} ({@code --max-parallel}); 0 leaves it to the plan
 */
public record RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot, int maxParallel) {

  public RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot) {
    this(processRunner, forwardLimits, scratchRoot, 0);
  }

  public static RunOptions defaults() {
    return new RunOptions(ProcessRunner.shared(), ForwardLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")));
  }

  public RunOptions withForwardLimits(ForwardLimits limits) {
    return new RunOptions(processRunner, limits, scratchRoot, maxParallel);
  }

  public RunOptions withMaxParallel(int n) {
    return new RunOptions(processRunner, forwardLimits, scratchRoot, n);
  }
}
