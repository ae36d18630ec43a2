package servicerunner.run;

import java.time.Instant;
import java.util.List;

/**
 * How the run ended: overall status, one result per plan task in plan order (tasks never reached are recorded as
 * not run), and timing.
 *
 * @param stopReason null unless the run stopped early
 * @param internalError null unless a defect ended the run (then overall status is failure)
 */
public record RunOutcome(
    OverallStatus overallStatus, List<TaskResult> results, int completedCount, int totalCount, Instant startedAt,
    Instant finishedAt, StopReason stopReason, String internalError) {}
