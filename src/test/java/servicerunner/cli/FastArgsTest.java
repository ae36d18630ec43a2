package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The picocli-free fast path must read a command line exactly as picocli does, or leave it to picocli. */
class FastArgsTest {

  static Stream<List<String>> common() {
    return Stream.of(
        List.of("plan.json"),
        List.of("{\"tasks\":[]}"),
        List.of("plan.json", "--log-file", "run.log"),
        List.of("--log-file", "logs/run.log", "plan.json", "-o", "out/report.json"),
        List.of("plan.json", "--output-file", "r.json", "--progress-results", "full"),
        List.of("plan.json", "--progress-results", "bogus"),
        List.of("--control-file", "ctl.json", "plan.json"),
        List.of("C:\\plans\\plan.json", "-o", "C:\\out\\r.json"),
        List.of(" {\"type\":\"command\"}", "--log-file", "with space.log"),
        List.of("plan.json", "--html", "out/report.html", "--junit", "out/report.xml", "-o", "r.json"),
        List.of("plan.json", "--max-plan-bytes", "64M", "--log-file", "run.log"),
        List.of("--max-plan-bytes", "1000", "plan.json"));
  }

  @ParameterizedTest
  @MethodSource("common")
  void readsTheCommonLineLikePicocli(List<String> argv) {
    String[] args = argv.toArray(new String[0]);
    Cli fast = cli();
    assertTrue(FastArgs.apply(args, fast), "fast path taken");
    Cli slow = cli();
    new CommandLine(slow).parseArgs(args);
    // every option field, so that an option added later with a default value cannot be missed by the fast path
    int compared = 0;
    for (Field f : Cli.class.getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
        f.setAccessible(true);
        assertEquals(get(f, slow), get(f, fast), f.getName() + " for " + argv);
        compared++;
      }
    }
    assertTrue(compared >= 8, "option fields found: " + compared);
  }

  private static Object get(Field f, Cli c) {
    try {
      return f.get(c);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<List<String>> leftToPicocli() {
    return Stream.of(
        List.of(),
        List.of("--help"),
        List.of("-h"),
        List.of("--version"),
        List.of("--list-tasks"),
        List.of("--plan-schema"),
        List.of("plan.json", "--validate"),
        List.of("--dry-run", "plan.json"),
        List.of("plan.json", "--validate", "--log-file", "x.log"),
        List.of("-"),
        List.of("plan.json", "--log-file=x.log"),
        List.of("plan.json", "-ox.json"),
        List.of("plan.json", "--log-file"),
        List.of("plan.json", "--log-file", "-o"),
        List.of("plan.json", "-o", "a.json", "-o", "b.json"),
        List.of("a.json", "b.json"),
        List.of("@args.txt"),
        List.of("report", "a.json", "--html", "fleet.html"),
        List.of("report", "--html", "fleet.html"),
        List.of("plan.json", "--html", "a.html", "--html", "b.html"),
        List.of("plan.json", "--max-plan-bytes", "1K", "--max-plan-bytes", "2K"),
        List.of("plan.json", "--max-plan-bytes=1K"),
        List.of("plan.json", "--", "x"),
        List.of("plan.json", "--unknown", "x"),
        List.of("plan.json", "--log-file", "bad\u0000path"),
        List.of(""));
  }

  @ParameterizedTest
  @MethodSource("leftToPicocli")
  void leavesEverythingElseToPicocli(List<String> argv) {
    Cli c = cli();
    assertFalse(FastArgs.apply(argv.toArray(new String[0]), c));
    assertEquals(null, c.plan);
  }

  private static Cli cli() {
    return new Cli(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of());
  }
}
