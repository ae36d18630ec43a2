package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness's stdout check must fail on what the app's strict reader rejects (review §9: it used to pass). */
class RunResultTest {

  private static RunResult withStdout(String out) {
    return new RunResult(0, out.getBytes(StandardCharsets.UTF_8), List.of(), Duration.ZERO, Duration.ZERO);
  }

  @Test
  void oneDocumentAndOneNewlineIsTheReport() {
    assertEquals("x", withStdout("{\n  \"a\": \"x\"\n}\n").report().path("a").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1}\n{\"a\":2}\n", // two documents
      "{\"a\":1}\nTASK_OK:0:x\n", // a marker leaked onto stdout
      "{\"a\":1}", // no final newline
      "{\"a\":1}\n\n", // an extra blank line
      "{\"a\":1}\r\n", // CRLF
      "{\"a\":1,\"a\":2}\n", // duplicate key
      "", // nothing at all
  })
  void anythingElseFails(String stdout) {
    assertThrows(AssertionError.class, () -> withStdout(stdout).report());
  }
}
