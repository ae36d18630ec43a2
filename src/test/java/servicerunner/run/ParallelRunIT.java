package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * The jar runs a {@code parallel_execution} plan of real {@code command} tasks: the overlaps in the report's
 * timestamps are the ones the claims allow, and each task's markers keep their order in the interleaved stream.
 */
class ParallelRunIT {

  private static String task(String id, String shell, String extra) {
    return "{\"id\":\"" + id + "\",\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"" + shell + "\"]"
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static final List<String> SHELLS = List.of("echo c1; sleep 2; echo c1 done", "echo c2; sleep 1",
      "echo light; sleep 2; echo light done", "echo bench; sleep 1", "echo after");

  private static final String PLAN = "{\"parallel_execution\":true,\"max_parallel\":4,\"tasks\":["
      + task("scan_c1", SHELLS.get(0), "\"resources\":[\"disk:C:\"]") + ","
      + task("scan_c2", SHELLS.get(1), "\"resources\":{\"disk:C:\":1}") + ","
      + task("light", SHELLS.get(2), "") + ","
      + task("bench", SHELLS.get(3), "\"exclusive\":true") + ","
      + task("after_c1", SHELLS.get(4), "\"needs\":[\"scan_c1\"]") + "]}";

  private record Span(Instant start, Instant end) {
    boolean overlaps(Span o) {
      return start.isBefore(o.end) && o.start.isBefore(end);
    }
  }

  private static Span span(JsonNode result) {
    return new Span(Instant.parse(result.get("started_at").asText()), Instant.parse(result.get("finished_at").asText()));
  }

  @Test
  void claimsDecideWhatOverlapsAndEachTaskKeepsItsMarkerOrder() throws Exception {
    RunResult r = RunnerProcess.jar(PLAN).run().assertExit(0).assertProtocolClean();
    JsonNode rep = r.report();
    assertEquals("success", rep.get("overall_status").asText());
    List<Span> s = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assertEquals(SHELLS.get(i), rep.get("results").get(i).at("/command/2").asText(), "results stay in plan order");
      s.add(span(rep.get("results").get(i)));
    }
    assertTrue(s.get(0).overlaps(s.get(2)), "a light task runs beside a disk scan: " + s);
    assertFalse(s.get(0).overlaps(s.get(1)), "two claims of disk:C: never overlap: " + s);
    for (int i = 0; i < 5; i++) {
      assertTrue(i == 3 || !s.get(3).overlaps(s.get(i)), "nothing overlaps the exclusive task: " + s);
    }
    assertFalse(s.get(4).start().isBefore(s.get(0).end()), "a task starts after what it needs has ended: " + s);
    assertTrue(r.stderrText().contains("parallel_execution: up to 4 tasks at a time"), r.stderrText());

    List<String> lines = r.stderrLines();
    for (int i = 0; i < 5; i++) {
      int start = lines.indexOf("TASK_START:" + i + ":command");
      int end = lines.indexOf("TASK_OK:" + i + ":command");
      assertTrue(start >= 0 && end > start, "task " + i + ": one start, then its end\n" + r.stderrText());
      String startPrefix = "TASK_START:" + i + ":";
      assertEquals(1, lines.stream().filter(l -> l.startsWith(startPrefix)).count());
      for (int k = 0; k < lines.size(); k++) {
        if (lines.get(k).startsWith("[" + i + ":command] ")) {
          assertTrue(k > start && k < end, "task " + i + "'s output sits between its markers: " + lines.get(k));
        }
      }
    }
    List<JsonNode> progress = r.progress();
    assertEquals(5, progress.size());
    for (int k = 0; k < progress.size(); k++) {
      assertEquals(k + 1, progress.get(k).get("completed").asInt(), "completed rises by one");
      int last = progress.get(k).get("results").size() - 1;
      assertEquals("success", progress.get(k).get("results").get(last).get("status").asText());
    }
    List<String> markers = r.markers();
    assertTrue(markers.get(markers.size() - 1).startsWith("PROGRESS_JSON_FINAL:"), "the final progress comes last");
  }

  @Test
  void maxParallelOneOnTheCommandLineRunsThePlanInOrder() throws Exception {
    RunResult r = RunnerProcess.jar(PLAN, "--max-parallel", "1").run().assertExit(0).assertProtocolClean();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("TASK_START:" + i + ":command");
      expected.add("TASK_OK:" + i + ":command");
    }
    assertEquals(expected, r.taskMarkers());
  }

  @Test
  void aBadMaxParallelIsAUsageError() throws Exception {
    RunResult r = RunnerProcess.jar(PLAN, "--max-parallel", "0").run().assertExit(2);
    assertTrue(r.stderrText().contains("--max-parallel expects a whole number from 1 to 256"), r.stderrText());
  }
}
