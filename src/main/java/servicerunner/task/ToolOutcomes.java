package servicerunner.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.exec.ProcessResult;
import servicerunner.text.Text;

/**
 * The endings the single-invocation tool types share once their tool has exited, written once: the excerpts, a
 * verdict of the type's own, and text the parser did not recognise.
 */
public final class ToolOutcomes {
  private ToolOutcomes() {}

  /** exit_code and the last {@code chars} characters of each stream (the renderers show them as they are). */
  public static ObjectNode excerpts(ObjectNode s, ProcessResult r, int chars) {
    s.put("exit_code", r.exitCode());
    s.put("stdout_excerpt", r.stdout().lastChars(chars));
    s.put("stderr_excerpt", r.stderr().lastChars(chars));
    return s;
  }

  /** A verdict of the type's own, written into {@code human_readable}; its sentence is the reason. */
  public static TaskOutcome of(Status status, ObjectNode s, String verdictId, String sentence, String... notes) {
    Verdict v = Verdict.of(verdictId, sentence, notes);
    return TaskOutcome.of(status, v, v.writeTo(s));
  }

  /** The tool exited with a code that means it failed. */
  public static TaskOutcome exitedWith(ObjectNode s, String tool, ProcessResult r) {
    return TaskOutcome.failure(s, "failed", tool + " exited with code " + r.exitCode());
  }

  /**
   * Text the parser did not recognise (another language or version): a warning with verdict {@code unknown}, never
   * a "clean" guessed from silence, and {@code raw_tail} so the technician can read it.
   */
  public static TaskOutcome unrecognised(ObjectNode s, String sentence, String raw) {
    s.put("raw_tail", Text.tail(raw, ProcessSummaries.EXCERPT));
    return of(Status.WARNING, s, "unknown", sentence);
  }
}
