package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.report.ResultJson;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

class JournalTest {
  @TempDir Path dir;

  private static TaskResult ok(int i) {
    ObjectNode json = ResultJson.of("command", TaskOutcome.of(Status.SUCCESS, servicerunner.json.Json.object()), Instant.now(),
        Instant.now(), 0.5);
    return new TaskResult(i, "command", Status.SUCCESS, json, 0.5);
  }

  private static TaskResult skipped(int i, String reason) {
    return new TaskResult(i, "command", Status.SKIPPED, ResultJson.notRun("command", Status.SKIPPED, reason, Instant.now()), 0);
  }

  @Test
  void writesFinishedTasksOnlyAndReadsThemBack() throws Exception {
    Path j = dir.resolve("sub/j.jsonl");
    try (Journal.Writer w = Journal.Writer.open(j, "d1", false)) {
      w.taskFinished(ok(0), null);
      w.taskSkipped(skipped(1, RunController.SKIP_REASON), null, true);
      w.taskFinished(skipped(2, RunController.INTERRUPT_REASON), null);
      w.taskSkipped(skipped(3, RunController.STOP_REASON), null, false);
      w.taskSkipped(skipped(4, RunEngine.NOT_RUN_PREFIX + "the run was interrupted by a signal"), null, false);
    }
    assertEquals(2, Files.readAllLines(j).size());
    Journal.Loaded l = Journal.load(j, "d1", List.of("command", "command", "command", "command", "command"));
    assertEquals(List.of(0, 1), List.copyOf(l.results().keySet()), "a user skip is finished; an interrupt is not");
    assertEquals("success", l.results().get(0).get("status").asText());
  }

  @Test
  void tornLinesAreIgnoredAndAppendingStartsAFreshLine() throws Exception {
    Path j = dir.resolve("j.jsonl");
    try (Journal.Writer w = Journal.Writer.open(j, "d1", false)) {
      w.taskFinished(ok(0), null);
    }
    Files.writeString(j, Files.readString(j) + "{\"plan_digest\":\"d1\",\"ind");
    try (Journal.Writer w = Journal.Writer.open(j, "d1", true)) {
      w.taskFinished(ok(1), null);
    }
    Journal.Loaded l = Journal.load(j, "d1", List.of("command", "command"));
    assertEquals(2, l.results().size());
    assertEquals(1, l.warnings().size());
  }

  @Test
  void anotherPlansJournalIsRefused() throws Exception {
    Path j = dir.resolve("j.jsonl");
    try (Journal.Writer w = Journal.Writer.open(j, "aaaa", false)) {
      w.taskFinished(ok(0), null);
    }
    Journal.JournalException e = assertThrows(Journal.JournalException.class,
        () -> Journal.load(j, "bbbb", List.of("command")));
    assertTrue(e.getMessage().contains("different plan"), e.getMessage());
    assertThrows(Journal.JournalException.class, () -> Journal.load(j, "aaaa", List.of("ping_test")));
  }

  @Test
  void missingJournalMeansNothingFinished() throws Exception {
    assertTrue(Journal.load(dir.resolve("none"), "d", List.of("command")).results().isEmpty());
  }
}
