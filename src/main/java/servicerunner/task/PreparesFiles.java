package servicerunner.task;

/**
 * A {@link ToolTask} whose invocation prepares files (creates the tool's work folder, removes a stale report before the
 * run): {@link ToolTask#plannedInvocation} never calls it, so {@code --validate} touches no disk.
 */
public interface PreparesFiles {}
