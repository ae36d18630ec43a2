package servicerunner.plan;

import java.util.List;

/** The plan cannot be run. Each problem names its JSON path (or line and column) and what was expected. */
public final class PlanException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PlanException(List<String> problems) {
    super(String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public PlanException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
