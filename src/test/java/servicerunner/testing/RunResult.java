package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What one runner process produced. */
public record RunResult(int exitCode, byte[] stdoutBytes, List<String> stderrLines, Duration elapsed, Duration waited) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public String stdout() {
    return new String(stdoutBytes, StandardCharsets.UTF_8);
  }

  /** stdout parsed as exactly one JSON document (what the app's serde_json::from_str needs). */
  public JsonNode report() {
    try {
      return MAPPER.readTree(stdout());
    } catch (IOException e) {
      throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\nstdout:\n" + stdout()
          + "\nstderr:\n" + String.join("\n", stderrLines));
    }
  }

  public JsonNode result(int i) {
    return report().get("results").get(i);
  }

  /** stderr lines that are markers (TASK_*, RUN_*, PROGRESS_JSON*). */
  public List<String> markers() {
    return stderrLines.stream().filter(Protocol::isMarker).collect(Collectors.toList());
  }

  /** Markers without PROGRESS lines, e.g. [TASK_START:0:command, TASK_OK:0:command]. */
  public List<String> taskMarkers() {
    return stderrLines.stream()
        .filter(l -> l.startsWith("TASK_") || l.startsWith("RUN_"))
        .collect(Collectors.toList());
  }

  public List<JsonNode> progress() {
    return stderrLines.stream()
        .filter(l -> l.startsWith("PROGRESS_JSON:"))
        .map(l -> parse(l.substring("PROGRESS_JSON:".length())))
        .collect(Collectors.toList());
  }

  public JsonNode finalProgress() {
    return stderrLines.stream()
        .filter(l -> l.startsWith("PROGRESS_JSON_FINAL:"))
        .map(l -> parse(l.substring("PROGRESS_JSON_FINAL:".length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no PROGRESS_JSON_FINAL line"));
  }

  private static JsonNode parse(String s) {
    try {
      return MAPPER.readTree(s.trim());
    } catch (IOException e) {
      throw new AssertionError("PROGRESS line is not JSON: " + s);
    }
  }

  public RunResult assertExit(int code) {
    if (exitCode != code) {
      fail("exit code " + exitCode + ", expected " + code + "\nstderr:\n" + String.join("\n", stderrLines) + "\nstdout:\n" + stdout());
    }
    return this;
  }

  /** Every stderr line is ASCII and every marker matches the app's regexes. */
  public RunResult assertProtocolClean() {
    Protocol.assertClean(stderrLines);
    return this;
  }

  public String stderrText() {
    return String.join("\n", stderrLines);
  }

  public void assertStatus(int i, String status) {
    assertEquals(status, result(i).path("status").asText(), "status of task " + i + "; stderr:\n" + stderrText());
  }
}
