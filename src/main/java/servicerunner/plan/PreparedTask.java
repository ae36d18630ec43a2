package servicerunner.plan;

import java.time.Duration;
import servicerunner.param.Params;
import servicerunner.task.TaskType;

/** A plan task matched to its handler, with validated parameters; {@code type} is null when no handler exists. */
public record PreparedTask(TaskSpec spec, TaskType type, Params params, Duration timeout) {}
