package servicerunner.run;

import java.util.List;

/**
 * The run's state after a task: how many results exist, of how many tasks, the results by plan index (null where
 * no result exists yet) and the overall status so far.
 */
public record Progress(int completed, int total, List<TaskResult> resultsByIndex, OverallStatus overallStatus) {}
