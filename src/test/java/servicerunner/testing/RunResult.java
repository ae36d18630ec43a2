package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import servicerunner.json.Json;

/** What one runner process produced. */
public record RunResult(int exitCode, byte[] stdoutBytes, List<String> stderrLines, Duration elapsed, Duration waited) {

  public String stdout() {
    return new String(stdoutBytes, StandardCharsets.UTF_8);
  }

  /**
   * stdout as exactly one JSON document followed by one newline (the app's serde_json::from_str rejects anything
   * after the document), read by the runner's own strict mapper: trailing tokens and duplicate keys fail.
   */
  public JsonNode report() {
    String out = stdout();
    if (!out.endsWith("\n") || out.endsWith("\n\n") || out.endsWith("\r\n") || out.isBlank()) {
      throw notOneDocument("stdout must be one JSON document and one newline");
    }
    try {
      return Json.mapper().readTree(out);
    } catch (IOException e) {
      throw notOneDocument("stdout is not one JSON document: " + e.getMessage());
    }
  }

  private AssertionError notOneDocument(String why) {
    return new AssertionError(why + "\nstdout:\n" + stdout() + "\nstderr:\n" + String.join("\n", stderrLines));
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
        .filter(l -> (l.startsWith("TASK_") || l.startsWith("RUN_")) && !l.startsWith("TASK_PROGRESS:"))
        .collect(Collectors.toList());
  }

  /** The JSON of task {@code i}'s TASK_PROGRESS lines, in order. */
  public List<JsonNode> taskProgress(int i) {
    String prefix = "TASK_PROGRESS:" + i + ":";
    return stderrLines.stream().filter(l -> l.startsWith(prefix))
        .map(l -> parse(l.substring(l.indexOf(":{") + 1))).collect(Collectors.toList());
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
      return Json.mapper().readTree(s.trim());
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
