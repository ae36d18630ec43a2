package servicerunner.task;

import servicerunner.param.Params;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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
public abstract class ToolTask extends DeclaredTask {
  private final String toolName;

  protected ToolTask(TaskDeclaration declaration, String toolName) {
    super(declaration);
    this.toolName = toolName;
  }

  /**
   * The process to run: argv, encoding, cwd, stdin, from parameters that passed the declared checks at plan time.
   * An {@link IOException} from preparing the tool's files (a folder to create, a stale result to remove) fails the
   * task with verdict {@code failed} and its message. By default {@link #argv} as it is.
   */
  protected ProcessSpec invocation(Params p, TaskContext ctx) throws ToolNotFoundException, IOException {
    return ProcessSpec.of(argv(p));
  }

  /** The argv of the default {@link #invocation}; a type that writes its own invocation does not give one. */
  protected List<String> argv(Params p) {
    throw new UnsupportedOperationException(id() + " builds its own invocation");
  }

  /** The outcome of a tool that ran to its exit. */
  protected abstract TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx);

  /** The name the common failure sentences use ("sfc timed out ..."); the generic command names its program. */
  protected String toolName(Params p) {
    return toolName;
  }

  /** Fields the renderer reads that a tool which did not finish leaves unknown (drive, mode, intent, ...). */
  protected void describeUnfinished(ObjectNode summary, Params p) {}

  /**
   * The outcome of a tool that did not run to its exit: the shared not-completed failure. A type overrides it only
   * when such a run still left something to read (a partial report, results printed before a hang).
   */
  protected TaskOutcome unfinished(ProcessResult r, Params p) {
    ObjectNode s = Json.object();
    describeUnfinished(s, p);
    return ProcessSummaries.notCompleted(s, r, toolName(p));
  }

  /**
   * The process this task would start, for {@code --validate}, or empty where the type cannot say it without acting
   * (it writes a script first, prepares files, or its tool cannot be found: {@link ToolNotFoundException}).
   */
  public Optional<ProcessSpec> plannedInvocation(Params p) {
    if (this instanceof PreparesFiles) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(invocation(p, new PlanningContext(p)));
    } catch (ToolNotFoundException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public final TaskOutcome run(TaskContext ctx) {
    Params p = ctx.params();
    ProcessSpec spec;
    try {
      spec = invocation(p, ctx);
    } catch (ToolNotFoundException e) {
      return notStarted(p, "not_found", e.getMessage());
    } catch (IOException e) {
      return notStarted(p, "failed", e.getMessage());
    }
    ProcessResult r = ctx.run(spec);
    TaskOutcome o = r.termination() == Termination.EXITED ? interpret(r, p, ctx) : unfinished(r, p);
    return o.extras().has("command") ? o : o.withExtra("command", ProcessSummaries.command(r));
  }

  private TaskOutcome notStarted(Params p, String verdictId, String error) {
    ObjectNode s = Json.object();
    describeUnfinished(s, p);
    return TaskOutcome.failure(s, verdictId, error);
  }
}
