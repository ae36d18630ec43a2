package servicerunner.run;

import servicerunner.task.Status;

/** One run of a task that has a {@code retry}: the report's {@code attempts} entry. */
public record Attempt(int number, Status status, String reason, double durationSeconds) {}
