package servicerunner.run;

import servicerunner.schedule.Wait;
import servicerunner.task.Status;

/**
 * Where one task of a run stands, as a snapshot and as the payload of {@link RunObserver#taskStateChanged}.
 *
 * @param waitingFor why a WAITING task cannot start yet (needs, a named resource, a slot, an exclusive task); else null
 * @param status how an ENDED task ended; else null
 */
public record TaskState(int index, String type, Phase phase, Wait waitingFor, Status status) {
  public enum Phase {
    /** Not started, and the run is not trying to start it now (not reached yet, paused, stopping). */
    PENDING,
    /** Not started: the scheduler holds it back for {@link #waitingFor}. */
    WAITING,
    RUNNING,
    /** Has its result: ran, skipped or not run. */
    ENDED
  }

  static TaskState pending(int index, String type) {
    return new TaskState(index, type, Phase.PENDING, null, null);
  }

  // Written out: a record's generated equals and hashCode link through ObjectMethods.bootstrap at their first call,
  // which spins about 30 method-handle classes (some 15 ms of the first task of every run, see docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof TaskState
        && ((TaskState) o).index == index
        && ((TaskState) o).phase == phase
        && ((TaskState) o).status == status
        && java.util.Objects.equals(((TaskState) o).type, type)
        && java.util.Objects.equals(((TaskState) o).waitingFor, waitingFor);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(index, type, phase, waitingFor, status);
  }

  /** For logs and tests: {@code 3 waiting (resource disk:C:)}, {@code 1 ended success}. */
  @Override
  public String toString() {
    String s = index + " " + phase.name().toLowerCase(java.util.Locale.ROOT);
    if (waitingFor != null) {
      s += " (" + waitingFor.text() + ")";
    }
    return status == null ? s : s + " " + status.id();
  }
}
