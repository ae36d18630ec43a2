package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.plan.PlanException;
import servicerunner.plan.PlanParser;
import servicerunner.plan.PreparedPlan;

/** heartbeat_seconds and a command's progress pattern are checked at plan time, each problem with its path. */
class ProgressPlanTest {

  private static PreparedPlan prepare(String json) throws PlanException {
    return PreparedPlan.prepare(PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "plan"));
  }

  private static List<String> problems(String json) {
    return assertThrows(PlanException.class, () -> prepare(json)).problems();
  }

  private static String command(String progress) {
    return "{\"tasks\":[{\"type\":\"command\",\"command\":[\"x\"],\"progress\":" + progress + "}]}";
  }

  @Test
  void heartbeatDefaultsToFifteenSecondsAndIsBounded() throws PlanException {
    assertEquals(Duration.ofSeconds(15), prepare("{\"tasks\":[]}").plan().heartbeat());
    assertEquals(Duration.ofMillis(2500), prepare("{\"tasks\":[],\"heartbeat_seconds\":2.5}").plan().heartbeat());
    assertEquals(List.of("heartbeat_seconds: expected a number of seconds from 1 to 3600, got the number 0"),
        problems("{\"tasks\":[],\"heartbeat_seconds\":0}"));
    assertEquals(List.of("heartbeat_seconds: expected a number of seconds from 1 to 3600, got the number 86400"),
        problems("{\"tasks\":[],\"heartbeat_seconds\":86400}"));
    assertEquals(List.of("heartbeat_seconds: expected a number of seconds from 1 to 3600, got a string \"15\""),
        problems("{\"tasks\":[],\"heartbeat_seconds\":\"15\"}"));
  }

  @Test
  void aCommandPatternMustCompileWithOneGroup() throws PlanException {
    prepare(command("{\"pattern\":\"(\\\\d+)%\"}"));
    prepare(command("{\"pattern\":\"copied (\\\\d+)\",\"total\":250,\"unit\":\"files\"}"));
    assertEquals(List.of("tasks[0].progress.pattern: does not compile: Unclosed group near index 4"),
        problems(command("{\"pattern\":\"(\\\\d+\"}")));
    assertEquals(List.of("tasks[0].progress.pattern: expected a regex with exactly one group (the percent, or the"
        + " count with total), got 2 groups"), problems(command("{\"pattern\":\"(\\\\d+) of (\\\\d+)\"}")));
    assertEquals(List.of("tasks[0].progress.pattern: required, expected a regex with one group for the percent,"
        + " got nothing"), problems(command("{\"total\":3}")));
    assertEquals(List.of("tasks[0].progress.total: expected a number greater than 0, got the number 0"),
        problems(command("{\"pattern\":\"(\\\\d+)\",\"total\":0}")));
    assertEquals(List.of("tasks[0].progress.every: unknown key, expected pattern, total or unit"),
        problems(command("{\"pattern\":\"(\\\\d+)\",\"every\":1}")));
    assertEquals(List.of("tasks[0].progress: expected an object, got a string \"(\\d+)%\""),
        problems(command("\"(\\\\d+)%\"")));
  }

  @Test
  void aPatternReadsPercentOrCount() {
    PatternProgress percent = new PatternProgress(java.util.regex.Pattern.compile("(\\d+(?:,\\d+)?) ?%"), null, null);
    assertEquals(42.5, percent.read("Fortschritt 42,5 %").percent());
    assertEquals(null, percent.read("no number here"));
    PatternProgress count = new PatternProgress(java.util.regex.Pattern.compile("copied (\\d+)"), 8.0, "files");
    ProgressReading r = count.read("copied 2 of them");
    assertEquals(25.0, r.percent());
    assertEquals(2L, r.current());
    assertEquals(8L, r.total());
    assertEquals("files", r.unit());
  }
}
