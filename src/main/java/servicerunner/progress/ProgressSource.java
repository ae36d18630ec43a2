package servicerunner.progress;

import java.util.List;
import java.util.function.Function;
import servicerunner.param.Params;

/**
 * A task type's progress parser factory, named once in its declaration ({@code TaskDeclaration.Builder.progress}).
 *
 * @param phases the phase ids the type reports, for {@code --list-tasks}; empty when it has a single phase
 * @param create a parser for one run with the task's validated parameters; null when these parameters give none
 */
public record ProgressSource(List<String> phases, Function<Params, ProgressParser> create) {

  public ProgressSource {
    phases = List.copyOf(phases);
  }

  public static ProgressSource of(Function<Params, ProgressParser> create, String... phases) {
    return new ProgressSource(List.of(phases), create);
  }

  public ProgressParser parser(Params p) {
    return create.apply(p);
  }
}
