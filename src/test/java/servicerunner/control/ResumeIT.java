package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static servicerunner.control.ControlHarness.plan;
import static servicerunner.control.ControlHarness.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** --journal and --resume: a crash loses only the task that was running; another plan's journal is refused. */
class ResumeIT {
  @TempDir Path dir;

  private String countingPlan(Path ran, String sleepMarker) {
    return plan(false,
        task("echo 0 >> '" + ran + "'"),
        task("echo 1 >> '" + ran + "'; exit 3"),
        task("echo 2 >> '" + ran + "'; sleep " + sleepMarker + "; echo slept"),
        task("echo 3 >> '" + ran + "'"));
  }

  @Test
  void killNineThenResumeLosesNothingAndRunsNothingTwice() throws Exception {
    Path ran = dir.resolve("ran.txt");
    Path journal = dir.resolve("run.journal");
    String s = ControlHarness.uniqueSleep();
    String planText = countingPlan(ran, s);
    try (ControlHarness h = ControlHarness.start(dir, planText, "--journal", journal.toString())) {
      h.await("TASK_START:2:");
      awaitLines(ran, "2", 1); // the task wrote its line (its wrapper's argv names the sleep before it runs)
      h.run.process.destroyForcibly(); // kill -9: no handler runs, nothing is flushed on the way out
      h.run.process.waitFor();
    } finally {
      ControlHarness.killAll(s); // a SIGKILLed runner cannot end its tree; the reboot would
    }
    // a power cut in the middle of a line
    Files.write(journal, "{\"plan_digest\":\"ab".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    Files.writeString(dir.resolve("plan.json"), planText.replace("sleep " + s, "sleep 0.1"));
    // the plan text changed (the sleep), so the digest differs: the journal must be refused
    RunResult refused = RunnerProcess.jar(dir.resolve("plan.json").toString(), "--journal", journal.toString(), "--resume")
        .run().assertExit(1);
    assertEquals("failure", refused.report().get("overall_status").asText());
    assertTrue(refused.report().get("error").asText().contains("different plan"), refused.report().toString());

    Files.writeString(dir.resolve("plan.json"), planText);
    RunnerProcess.Started again = RunnerProcess.jar(dir.resolve("plan.json").toString(), "--journal",
        journal.toString(), "--resume", "--control-file", dir.resolve("ctl.json").toString()).start();
    RunnerProcess.TimedLine started = again.awaitLine(l -> l.startsWith("TASK_START:2:"), ControlHarness.WAIT);
    assertTrue(started != null, String.join("\n", again.linesSoFar()));
    awaitLines(ran, "2", 2); // the task has written its line; now it only sleeps
    Files.writeString(dir.resolve("ctl.json"), "{\"action\":\"skip\"}"); // do not wait 300 s for the sleep
    RunResult r = again.waitFor(java.time.Duration.ofSeconds(60)).assertExit(0);
    r.assertProtocolClean();
    JsonNode rep = r.report();
    assertEquals(4, rep.get("results").size());
    assertTrue(rep.get("results").get(0).path("resumed").asBoolean());
    assertTrue(rep.get("results").get(1).path("resumed").asBoolean());
    assertEquals("failure", rep.get("results").get(1).get("status").asText(), "a resumed result keeps its status");
    assertFalse(rep.get("results").get(2).has("resumed"));
    assertEquals("success", rep.get("results").get(3).get("status").asText());
    assertEquals(List.of("TASK_OK:0:command", "TASK_FAIL:1:command - sh exited with code 3, expected 0",
        "TASK_START:2:command", "TASK_SKIP:2:command - User requested skip", "TASK_START:3:command",
        "TASK_OK:3:command"), r.taskMarkers().stream().map(m -> m.replaceAll(" - sh .*", " - sh exited with code 3, expected 0"))
        .collect(Collectors.toList()));
    assertEquals(4, r.progress().size(), "resumed tasks get their PROGRESS_JSON too, so the app colours their rows");
    assertTrue(r.stderrText().contains("incomplete"), "the torn line is reported");

    Map<String, Long> runs = Files.readAllLines(ran).stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
    assertEquals(Map.of("0", 1L, "1", 1L, "2", 2L, "3", 1L), runs, "only the interrupted task ran twice");
  }

  @Test
  void resumeWithoutJournalIsAUsageError() throws Exception {
    RunnerProcess.jar(plan(false, task("true")), "--resume").run().assertExit(2);
  }

  @Test
  void journalKeepsOnlyFinishedTasksAfterAStop() throws Exception {
    Path journal = dir.resolve("j.jsonl");
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("sleep 2; echo one"), task("echo two")),
        "--journal", journal.toString())) {
      h.await("TASK_START:0:");
      h.action("stop");
      h.finish().assertExit(0);
    }
    List<String> lines = Files.readAllLines(journal);
    assertEquals(1, lines.size(), "the task stopped before it ran is not finished: " + lines);
    JsonNode entry = servicerunner.json.Json.parse(lines.get(0));
    assertEquals(0, entry.get("index").asInt());
    assertEquals(64, entry.get("plan_digest").asText().length());
    assertEquals("success", entry.path("result").path("status").asText());
  }

  /** The reproduced hang: a journal line with an unknown status made --resume crash and then ignore SIGTERM. */
  @Test
  void aJournalLineWithAnUnknownStatusIsRunAgainNotACrash() throws Exception {
    Path ran = dir.resolve("ran.txt");
    Path journal = dir.resolve("j.jsonl");
    Path planFile = dir.resolve("plan.json");
    Files.writeString(planFile, plan(false, task("echo 0 >> '" + ran + "'"), task("echo 1 >> '" + ran + "'")));
    RunnerProcess.jar(planFile.toString(), "--journal", journal.toString()).run().assertExit(0);
    List<String> lines = Files.readAllLines(journal);
    assertEquals(2, lines.size());
    Files.write(journal, List.of(lines.get(0).replace("\"status\":\"success\"", "\"status\":\"bogus\""), lines.get(1)));
    RunResult r = RunnerProcess.jar(planFile.toString(), "--journal", journal.toString(), "--resume").run()
        .assertExit(0).assertProtocolClean();
    assertTrue(r.stderrText().contains("unknown status 'bogus'"), r.stderrText());
    assertFalse(r.stderrText().contains("Exception"), r.stderrText());
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals(List.of("0", "1", "0"), Files.readAllLines(ran), "task 0 ran again, task 1 was resumed");
    assertTrue(r.result(1).get("resumed").asBoolean());
  }

  @Test
  void aJournalResultWithoutStatusRunsThatTaskAgainWithoutStoppingTheRun() throws Exception {
    // audit D11: such a line gave RUN_STOPPED:output_closed with both pipes open
    Path journal = dir.resolve("j.jsonl");
    String planText = plan(false, task("echo a"), task("echo b"));
    RunnerProcess.jar(planText, "--journal", journal.toString()).run().assertExit(0);
    List<String> lines = Files.readAllLines(journal);
    Files.write(journal, List.of(lines.get(0).replaceFirst("\"status\":\"success\",", ""), lines.get(1)));
    RunResult r = RunnerProcess.jar(planText, "--journal", journal.toString(), "--resume").run().assertExit(0)
        .assertProtocolClean();
    assertFalse(r.report().has("stop_reason"), r.report().toString());
    assertEquals("success", r.report().get("overall_status").asText());
    assertFalse(r.report().get("results").get(0).has("resumed"), "run again");
    assertTrue(r.report().get("results").get(1).path("resumed").asBoolean());
    assertTrue(r.stderrText().contains("has an unknown status ''; task 0 runs again"), r.stderrText());
  }

  /** Waits until {@code file} holds {@code count} lines equal to {@code line}. */
  private static void awaitLines(Path file, String line, long count) throws Exception {
    long deadline = System.nanoTime() + ControlHarness.WAIT.toNanos();
    while (!Files.exists(file) || Files.readAllLines(file).stream().filter(line::equals).count() < count) {
      assertTrue(System.nanoTime() < deadline, "no line '" + line + "' x" + count + " in " + file);
      Thread.sleep(20);
    }
  }
}
