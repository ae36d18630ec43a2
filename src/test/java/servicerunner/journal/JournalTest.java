package servicerunner.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.json.Json;
import servicerunner.run.Ending;
import servicerunner.run.TaskResult;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;

class JournalTest {
  @TempDir Path dir;

  private static TaskResult result(int i, Ending e) {
    return new TaskResult(i, "command", e, Instant.now(), Instant.now(), 0.5);
  }

  private static TaskResult ok(int i) {
    return result(i, new Ending.Ran(TaskOutcome.ok(Status.SUCCESS, Json.object())));
  }

  @Test
  void writesFinishedTasksOnlyAndReadsThemBack() throws Exception {
    Path j = dir.resolve("sub/j.jsonl");
    try (Journal.Writer w = Journal.Writer.open(j, "d1", false)) {
      w.taskFinished(ok(0), null);
      w.taskSkipped(result(1, new Ending.SkippedByUser("User requested skip", true)), null, true);
      w.taskFinished(result(2, new Ending.Interrupted("Interrupted", true)), null);
      w.taskSkipped(result(3, new Ending.Interrupted("Run stopped by user", false)), null, false);
      w.taskSkipped(result(4, new Ending.NotRun("requires Windows")), null, true);
      w.taskFinished(result(5, new Ending.Ran(TaskOutcome.failure("boom"))), null);
    }
    assertEquals(4, Files.readAllLines(j).size());
    Journal.Loaded l = Journal.load(j, "d1", List.of("command", "command", "command", "command", "command", "command"));
    assertEquals(List.of(0, 1, 4, 5), List.copyOf(l.results().keySet()),
        "a user skip and a platform skip are final; an interrupt is not");
    assertEquals("success", l.results().get(0).result().get("status").asText());
    assertEquals("boom", l.results().get(5).reason(), "the reason comes back as it was written");
  }

  @Test
  void aLineWithAnUnknownStatusRunsItsTaskAgainInsteadOfFailingTheResume() throws Exception {
    Path j = dir.resolve("j.jsonl");
    Files.writeString(j, "{\"plan_digest\":\"d1\",\"index\":0,\"result\":{\"task_type\":\"command\","
        + "\"status\":\"bogus\",\"summary\":{}}}\n");
    Journal.Loaded l = Journal.load(j, "d1", List.of("command"));
    assertTrue(l.results().isEmpty());
    assertTrue(l.warnings().get(0).contains("unknown status 'bogus'"), l.warnings().toString());
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
