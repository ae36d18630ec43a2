package servicerunner.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.exec.Termination;
import servicerunner.json.Json;

/**
 * The run skeleton of a task that runs one tool and reads its output, written once: resolve the executable and
 * build the invocation, run it under the task's limits, then either the shared "not completed" outcome (could not
 * start, timed out, went quiet) or the type's own interpretation, and the {@code command} extra in every case. A
 * subclass keeps only what is specific to its tool: the invocation, the parser and the fields that are unknown
 * when the tool did not finish. A skip or stop passes through as {@link TaskCancelledException}.
 *
 * <pre>{@code
 * public final class SfcScanTask extends ToolTask {
 *   public SfcScanTask() { super(DECLARATION, "sfc"); }
 *   protected ProcessSpec invocation(Params p, TaskContext ctx) { return ProcessSpec.of(argv(p)); }
 *   protected TaskOutcome interpret(ProcessResult r, Params p) { return SfcOutputParser.parse(...); }
 * }
 * }</pre>
 */
public abstract class ToolTask implements TaskType {
  private final TaskDeclaration declaration;
  private final String toolName;

  protected ToolTask(TaskDeclaration declaration, String toolName) {
    this.declaration = declaration;
    this.toolName = toolName;
  }

  @Override
  public final TaskDeclaration declaration() {
    return declaration;
  }

  /** The process to run: argv, encoding, cwd, stdin. */
  protected abstract ProcessSpec invocation(Params p, TaskContext ctx)
      throws ToolNotFoundException, InvalidParamsException;

  /** The outcome of a tool that ran to its exit. */
  protected abstract TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx);

  /** The name the common failure sentences use ("sfc timed out ..."); the generic command names its program. */
  protected String toolName(Params p) {
    return toolName;
  }

  /** Fields the renderer reads that a tool which did not finish leaves unknown (drive, mode, intent, ...). */
  protected void describeUnfinished(ObjectNode summary, Params p) {}

  @Override
  public final TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    ProcessSpec spec;
    try {
      spec = invocation(p, ctx);
    } catch (ToolNotFoundException e) {
      ObjectNode s = Json.object();
      describeUnfinished(s, p);
      return TaskOutcome.failure(s, "not_found", e.getMessage());
    } catch (InvalidParamsException e) {
      return TaskOutcome.failure(e.getMessage());
    }
    ProcessResult r = ctx.run(spec);
    TaskOutcome o;
    if (r.termination() == Termination.EXITED) {
      o = interpret(r, p, ctx);
    } else {
      ObjectNode s = Json.object();
      describeUnfinished(s, p);
      o = ProcessSummaries.notCompleted(s, r, toolName(p));
    }
    return o.extras().has("command") ? o : o.withExtra("command", ProcessSummaries.command(r));
  }
}
