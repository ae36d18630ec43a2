package servicerunner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.run.Ending;
import servicerunner.run.OverallStatus;
import servicerunner.run.Progress;
import servicerunner.run.TaskResult;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

class ProgressObserverTest {

  private static TaskResult result(int i, Status s) {
    TaskOutcome o = s.isFailure() ? TaskOutcome.failure("boom") : TaskOutcome.ok(s, Json.object());
    return new TaskResult(i, "command", new Ending.Ran(o), Instant.now(), Instant.now(), 0.1);
  }

  private static JsonNode emit(ProgressMode mode) throws Exception {
    List<String> lines = new ArrayList<>();
    ProgressObserver o = new ProgressObserver(lines::add, mode);
    TaskResult[] rs = {result(0, Status.SUCCESS), result(1, Status.FAILURE), result(2, Status.SUCCESS)};
    o.taskFinished(rs[2], new Progress(3, 4, Arrays.asList(rs[0], rs[1], rs[2], null), OverallStatus.COMPLETED_WITH_ERRORS));
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("PROGRESS_JSON:"));
    return Json.parse(lines.get(0).substring("PROGRESS_JSON:".length()));
  }

  @Test
  void stubsPutTheNewestResultAtItsOwnIndexAndNullsBefore() throws Exception {
    JsonNode p = emit(ProgressMode.STUBS);
    assertEquals(3, p.get("results").size());
    assertTrue(p.get("results").get(0).isNull());
    assertTrue(p.get("results").get(1).isNull());
    assertEquals("command", p.get("results").get(2).get("task_type").asText());
    assertEquals(3, p.get("completed").asInt());
    assertEquals(4, p.get("total").asInt());
    assertEquals("completed_with_errors", p.get("overall_status").asText());
    assertEquals("success", p.get("last_result").get("status").asText());
  }

  @Test
  void theDefaultLineWrittenAsTextIsTheTreesBytes() {
    List<String> lines = new ArrayList<>();
    ProgressObserver o = new ProgressObserver(lines::add, ProgressMode.STUBS);
    TaskResult[] rs = {result(0, Status.SUCCESS), result(1, Status.FAILURE), result(2, Status.WARNING)};
    for (int i = 0; i < rs.length; i++) {
      Progress p = new Progress(i + 1, 3, Arrays.asList(rs).subList(0, i + 1),
          i == 0 ? OverallStatus.SUCCESS : OverallStatus.COMPLETED_WITH_ERRORS);
      o.taskFinished(rs[i], p);
      assertEquals("PROGRESS_JSON:" + o.asTree(rs[i], p), lines.get(i));
    }
    assertTrue(lines.get(2).contains("\"results\":[null,null,{"), lines.get(2));
  }

  @Test
  void fullRepeatsEveryResultAndNoneOmitsTheArray() throws Exception {
    assertEquals("failure", emit(ProgressMode.FULL).get("results").get(1).get("status").asText());
    assertFalse(emit(ProgressMode.NONE).has("results"));
  }

  @Test
  void aLineOverTheBoundGoesWithoutResults() throws Exception {
    // D12: line i holds i nulls; beyond the bound the line keeps its counts and drops results (the markers colour
    // the rows anyway)
    List<String> lines = new ArrayList<>();
    ProgressObserver o = new ProgressObserver(lines::add, ProgressMode.STUBS);
    int index = 20_000;
    TaskResult last = result(index, Status.SUCCESS);
    List<TaskResult> all = new ArrayList<>(java.util.Collections.nCopies(index, (TaskResult) null));
    all.add(last);
    o.taskFinished(last, new Progress(index + 1, index + 1, all, OverallStatus.SUCCESS));
    o.taskFinished(result(3, Status.SUCCESS), new Progress(4, index + 1, all, OverallStatus.SUCCESS));
    assertTrue(lines.get(0).length() <= ProgressMode.STUBS.lineLimit());
    JsonNode big = Json.parse(lines.get(0).substring("PROGRESS_JSON:".length()));
    assertFalse(big.has("results"));
    assertTrue(big.get("results_omitted").asBoolean());
    assertEquals(index + 1, big.get("completed").asInt());
    assertEquals("success", big.get("last_result").get("status").asText());
    JsonNode small = Json.parse(lines.get(1).substring("PROGRESS_JSON:".length()));
    assertEquals(4, small.get("results").size(), "a short line keeps its results");
    assertFalse(small.has("results_omitted"));
  }
}
