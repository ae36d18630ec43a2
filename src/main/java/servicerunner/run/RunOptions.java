package servicerunner.run;

import java.nio.file.Path;
import java.time.Duration;
import servicerunner.exec.ProcessRunner;
import servicerunner.plan.HeartbeatSetting;
import servicerunner.progress.ProgressScheduler;

/**
 * Engine settings that are not part of the plan.
 *
 * @param maxParallel at most this many tasks at once in a {@code parallel_execution} run, over the plan's
 *     {@code max_parallel} ({@code --max-parallel}); 0 leaves it to the plan
 */
public record RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot,
    Duration heartbeat, ProgressScheduler progressClock, int maxParallel) {

  public RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot,
      Duration heartbeat, ProgressScheduler progressClock) {
    this(processRunner, forwardLimits, scratchRoot, heartbeat, progressClock, 0);
  }

  public static RunOptions defaults() {
    return new RunOptions(ProcessRunner.shared(), ForwardLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")),
        HeartbeatSetting.DEFAULT, ProgressScheduler.shared());
  }

  public RunOptions withForwardLimits(ForwardLimits limits) {
    return new RunOptions(processRunner, limits, scratchRoot, heartbeat, progressClock, maxParallel);
  }

  /** The plan's {@code heartbeat_seconds}: the engine takes it from the plan it runs. */
  public RunOptions withHeartbeat(Duration interval) {
    return new RunOptions(processRunner, forwardLimits, scratchRoot, interval, progressClock, maxParallel);
  }

  public RunOptions withMaxParallel(int n) {
    return new RunOptions(processRunner, forwardLimits, scratchRoot, heartbeat, progressClock, n);
  }
}
