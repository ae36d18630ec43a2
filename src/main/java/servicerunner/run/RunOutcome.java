package servicerunner.run;

import java.time.Instant;
import java.util.List;

/**
 * How the run ended: overall status ({@code success}, {@code completed_with_errors} or {@code stopped}), one result
 * per plan task in plan order (tasks never reached are recorded as skipped), and timing.
 *
 * @param stopReason null unless stopped: user_requested, signal, output_closed
 */
public record RunOutcome(
    String overallStatus, List<TaskResult> results, int completedCount, int totalCount, Instant startedAt,
    Instant finishedAt, String stopReason) {}
