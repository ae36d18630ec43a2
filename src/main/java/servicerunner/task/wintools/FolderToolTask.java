package servicerunner.task.wintools;

import java.util.List;
import servicerunner.exec.ProcessSpec;
import servicerunner.param.Params;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.ToolNotFoundException;
import servicerunner.task.ToolTask;

/**
 * A tool the plan must point at ({@code executable_path}: the file, or the folder holding one of its usual names)
 * that runs from its own folder, where it looks for its files; a type gives its arguments.
 */
public abstract class FolderToolTask extends ToolTask {
  private final String[] exeNames;

  protected FolderToolTask(TaskDeclaration declaration, String toolName, String... exeNames) {
    super(declaration, toolName);
    this.exeNames = exeNames;
  }

  /** The arguments after the executable. */
  protected abstract List<String> arguments(Params p);

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException {
    return ToolPaths.inToolFolder(ToolPaths.require(p, exeNames), arguments(p));
  }
}
