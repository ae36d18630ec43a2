package servicerunner.task;

/**
 * A task type that holds its declaration: the base of every built-in type. Types that run one tool extend
 * {@link ToolTask}; types that run several tools or work in-process extend this and write {@link #run}.
 */
public abstract class DeclaredTask implements TaskType {
  private final TaskDeclaration declaration;

  protected DeclaredTask(TaskDeclaration declaration) {
    this.declaration = declaration;
  }

  @Override
  public final TaskDeclaration declaration() {
    return declaration;
  }
}
