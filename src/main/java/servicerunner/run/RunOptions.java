package servicerunner.run;

import java.nio.file.Path;
import java.time.Duration;
import servicerunner.exec.ProcessRunner;
import servicerunner.plan.HeartbeatSetting;
import servicerunner.progress.ProgressScheduler;

/** Engine settings that are not part of the plan. */
public record RunOptions(ProcessRunner processRunner, ForwardLimits forwardLimits, Path scratchRoot,
    Duration heartbeat, ProgressScheduler progressClock) {

  public static RunOptions defaults() {
    return new RunOptions(ProcessRunner.shared(), ForwardLimits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir")),
        HeartbeatSetting.DEFAULT, ProgressScheduler.shared());
  }

  public RunOptions withForwardLimits(ForwardLimits limits) {
    return new RunOptions(processRunner, limits, scratchRoot, heartbeat, progressClock);
  }

  /** The plan's {@code heartbeat_seconds}: the engine takes it from the plan it runs. */
  public RunOptions withHeartbeat(Duration interval) {
    return new RunOptions(processRunner, forwardLimits, scratchRoot, interval, progressClock);
  }
}
