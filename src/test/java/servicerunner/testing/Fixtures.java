package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures folder, and golden cases: {@code fixtures/tool-output/<type>/<case>.<ext>} holds raw bytes exactly as
 * the tool wrote them, {@code <case>.expected.json} beside it the summary the parser must produce. Adding a case is
 * adding two files. Run with -Dgolden.update=true to (re)write the expected files, then review them by hand.
 */
public final class Fixtures {
  private Fixtures() {}

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static Path root() {
    return Path.of(System.getProperty("sr.fixtures", "fixtures")).toAbsolutePath();
  }

  public static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }

  /** Every raw output file of a type (not the .expected.json files), sorted by name. */
  public static List<Path> goldenCases(String type) {
    Path dir = root().resolve("tool-output").resolve(type);
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("no golden cases for " + type + " in " + dir, e);
    }
    return out;
  }

  public static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected file for a raw case: same name with its extension replaced by .expected.json. */
  public static Path expectedFor(Path raw) {
    String name = raw.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return raw.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".expected.json");
  }

  /** Compares a parser's summary with the golden file (or writes it when golden.update is set). */
  public static void assertGolden(Path raw, JsonNode actual) {
    assertMatchesFile(expectedFor(raw), actual);
  }

  /**
   * Compares a JSON value with an expected file, as indented text so a failure shows the difference; with
   * -Dgolden.update=true it (re)writes the file instead, to be reviewed by hand.
   */
  public static void assertMatchesFile(Path expected, JsonNode actual) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(expected, MAPPER.writeValueAsString(actual) + "\n");
        return;
      }
      if (!Files.exists(expected)) {
        throw new AssertionError("missing golden file " + expected + " (run with -Dgolden.update=true and review it)");
      }
      JsonNode want = MAPPER.readTree(expected.toFile());
      assertEquals(MAPPER.writeValueAsString(want), MAPPER.writeValueAsString(actual), "golden " + expected.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
