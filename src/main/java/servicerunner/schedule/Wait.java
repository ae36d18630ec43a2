package servicerunner.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a task that has not started yet cannot start now.
 *
 * @param tasks the tasks it waits for (NEEDS: its unfinished needs; EXCLUSIVE: the exclusive task it may not
 *     overtake or that runs, or, for an exclusive task, the tasks still running); empty otherwise
 * @param resource the pool that is full (RESOURCE only)
 */
public record Wait(Kind kind, List<Integer> tasks, String resource) {
  public enum Kind {
    /** Tasks it needs have not ended. */
    NEEDS,
    /** A pool it claims is full. */
    RESOURCE,
    /** As many tasks run as the run allows. */
    SLOT,
    /** An exclusive task runs or waits before it, or it is exclusive and others still run. */
    EXCLUSIVE
  }

  public Wait {
    tasks = List.copyOf(tasks);
  }

  static Wait needs(List<Integer> t) {
    return new Wait(Kind.NEEDS, t, null);
  }

  static Wait resource(String name) {
    return new Wait(Kind.RESOURCE, List.of(), name);
  }

  static final Wait SLOT = new Wait(Kind.SLOT, List.of(), null);

  static Wait exclusive(List<Integer> t) {
    return new Wait(Kind.EXCLUSIVE, t, null);
  }

  // Written out, as TaskState's: the generated ones link through ObjectMethods.bootstrap at the first call and spin
  // method-handle classes (milliseconds, in the middle of a parallel run's scheduling)
  @Override
  public boolean equals(Object o) {
    return o instanceof Wait
        && ((Wait) o).kind == kind
        && ((Wait) o).tasks.equals(tasks)
        && java.util.Objects.equals(((Wait) o).resource, resource);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, tasks, resource);
  }

  /** For logs: {@code needs tasks 1, 2}, {@code resource disk:C:}, {@code a free slot}, {@code exclusive task 4}. */
  public String text() {
    String list = tasks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    switch (kind) {
      case NEEDS:
        return "needs task" + (tasks.size() == 1 ? " " : "s ") + list;
      case RESOURCE:
        return "resource " + resource;
      case SLOT:
        return "a free slot";
      default:
        return "exclusive: task" + (tasks.size() == 1 ? " " : "s ") + list;
    }
  }
}
