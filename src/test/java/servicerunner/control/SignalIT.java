package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static servicerunner.control.ControlHarness.plan;
import static servicerunner.control.ControlHarness.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.json.Json;
import servicerunner.testing.RunResult;

/** Signals and a vanished app: end the tree, RUN_STOPPED, truthful report on stdout and in the file, exit code. */
class SignalIT {
  @TempDir Path dir;

  private void signalMidTask(String signal, int expectedExit) throws Exception {
    String s = ControlHarness.uniqueSleep();
    try (ControlHarness h = ControlHarness.start(dir, plan(false, task("echo one"),
        task("trap '' TERM; sleep " + s + " & sleep " + s + "; wait"), task("echo three")))) {
      h.await("TASK_START:1:");
      ControlHarness.awaitAlive(s);
      if (signal.equals("INT")) {
        // a shell's background job inherits SIGINT ignored, and the JVM rightly keeps it ignored
        org.junit.jupiter.api.Assumptions.assumeFalse(ignoresSigint(h.run.process.pid()),
            "SIGINT is ignored by this test environment (inherited SIG_IGN); run from a foreground shell");
      }
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(h.run.process.pid())).start();
      assertEquals(0, kill.waitFor());
      RunResult r = h.finish().assertExit(expectedExit);
      ControlHarness.assertGone(s);
      JsonNode rep = h.assertReport(r, 3);
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals("signal", rep.get("stop_reason").asText());
      assertEquals("success", rep.get("results").get(0).get("status").asText());
      assertEquals("Interrupted", rep.get("results").get(1).path("summary").path("reason").asText());
      JsonNode notRun = rep.get("results").get(2);
      assertEquals("skipped", notRun.get("status").asText());
      assertEquals("Not run: the run was interrupted by a signal", notRun.path("summary").path("reason").asText());
      List<String> m = r.taskMarkers();
      assertEquals(List.of("TASK_START:0:command", "TASK_OK:0:command", "TASK_START:1:command",
          "TASK_SKIP:1:command - Interrupted", "RUN_STOPPED:signal",
          "TASK_SKIP:2:command - Not run: the run was interrupted by a signal"), m);
      assertEquals("stopped", r.finalProgress().get("overall_status").asText());
    }
  }

  private static boolean ignoresSigint(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }

  @Test
  void sigtermMidTask() throws Exception {
    signalMidTask("TERM", 143);
  }

  @Test
  void sigintMidTask() throws Exception {
    signalMidTask("INT", 130);
  }

  @Test
  void sighupSigusr1AndSigalrmStopWithAReportToo() throws Exception {
    // the audit: SIGHUP exited 129 undocumented, SIGUSR1 and SIGALRM killed the JVM without a report
    signalMidTask("HUP", 129);
    signalMidTask("USR1", 138);
    signalMidTask("ALRM", 142);
  }

  @Test
  void aSignalWhileAPlanIsNeverReadStillEndsTheProcess() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-jar", servicerunner.testing.RunnerProcess.jarPath().toString(), "-")
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.json").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.readString(dir.resolve("err.txt")).contains("Reading plan from stdin")) {
      assertTrue(System.nanoTime() < deadline, "runner did not start reading stdin");
      Thread.sleep(20);
    }
    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stdin stays open: the grace must end it");
    assertEquals(143, p.exitValue());
    assertEquals("", Files.readString(dir.resolve("out.json")));
    assertTrue(Files.readAllLines(dir.resolve("err.txt")).contains(
        "Stopped by SIGTERM before the run started (the plan was still being read); no report"));
    p.getOutputStream().close();
  }

  @Test
  void signalDuringStartUpIsHeldAndStopsTheRunWithAReport() throws Exception {
    // the plan comes from stdin, kept open: the runner waits in start-up while the signal arrives
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-jar", servicerunner.testing.RunnerProcess.jarPath().toString(), "-")
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.json").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(dir.resolve("err.txt")) || !Files.readString(dir.resolve("err.txt")).contains("Reading plan from stdin")) {
      assertTrue(System.nanoTime() < deadline, "runner did not start reading stdin");
      Thread.sleep(20);
    }
    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
    awaitDelivered(p.pid(), 15);
    try (var os = p.getOutputStream()) {
      os.write(plan(false, task("echo one"), task("echo two")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(143, p.exitValue(), Files.readString(dir.resolve("err.txt")));
    JsonNode rep = Json.parse(Files.readString(dir.resolve("out.json")));
    assertEquals("signal", rep.get("stop_reason").asText());
    assertEquals(2, rep.get("results").size());
    for (JsonNode r : rep.get("results")) {
      assertEquals("Not run: the run was interrupted by a signal", r.path("summary").path("reason").asText());
    }
    List<String> err = Files.readAllLines(dir.resolve("err.txt"));
    assertTrue(err.contains("RUN_STOPPED:signal"), String.join("\n", err));
    assertTrue(err.stream().noneMatch(l -> l.startsWith("TASK_START:")), "nothing ran");
  }

  /**
   * Waits until no thread of {@code pid} has signal {@code signo} pending any more, i.e. the JVM took it (its handler
   * runs at once on the signal dispatcher thread): the event to wait for before the plan may arrive.
   */
  private static void awaitDelivered(long pid, int signo) throws Exception {
    long bit = 1L << (signo - 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      boolean pending = false;
      try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path t : tasks) {
          for (String line : Files.readAllLines(t.resolve("status"))) {
            if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:")) {
              pending |= (Long.parseUnsignedLong(line.substring(7).trim(), 16) & bit) != 0;
            }
          }
        }
      } catch (java.io.IOException e) {
        pending = true; // a thread ended while we looked: look again
      }
      if (!pending) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "signal " + signo + " still pending for " + pid);
      Thread.sleep(10);
    }
  }

  @Test
  void closedStderrEndsTheTreeAndStillWritesTheReportFile() throws Exception {
    String s = ControlHarness.uniqueSleep();
    try (ControlHarness h = ControlHarness.start(dir, plan(false,
        task("sleep " + s + " & while :; do echo tick; sleep 0.1; done"), task("echo two")))) {
      h.await("TASK_START:0:");
      h.await("[0:command] tick");
      ControlHarness.awaitAlive(s);
      h.run.process.getErrorStream().close(); // the app went away: its end of the pipe is closed
      assertTrue(h.run.process.waitFor(20, TimeUnit.SECONDS), "runner ended after its stderr was closed");
      ControlHarness.assertGone(s);
      JsonNode rep = Json.parse(Files.readString(h.outputFile));
      assertEquals("stopped", rep.get("overall_status").asText());
      assertEquals("output_closed", rep.get("stop_reason").asText());
      assertEquals(2, rep.get("results").size());
      assertEquals("Interrupted", rep.get("results").get(0).path("summary").path("reason").asText());
    }
  }

  /**
   * Starts the runner from a shell that exits as soon as the first task has started (so the runner is watching its
   * parent by then); returns the report the orphaned runner writes.
   */
  private JsonNode orphanedRun(String taskScript, String redirect) throws Exception {
    Process sh = new ProcessBuilder("sh", "-c", orphaningScript(taskScript, redirect)).start();
    assertTrue(sh.waitFor(30, TimeUnit.SECONDS), "the runner's first task never started");
    assertEquals(0, sh.exitValue());
    return awaitReport();
  }

  /** A shell that starts the runner in the background and exits once the first task has started. */
  private String orphaningScript(String taskScript, String redirect) throws Exception {
    Path plan = dir.resolve("plan.json");
    Path started = dir.resolve("task-started");
    Files.writeString(plan, plan(false, task("touch '" + started + "'; " + taskScript), task("echo two")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return "'" + java + "' -jar '" + servicerunner.testing.RunnerProcess.jarPath() + "' '" + plan
        + "' --output-file '" + dir.resolve("report.json") + "' " + redirect + " & while [ ! -e '" + started
        + "' ]; do sleep 0.05; done";
  }

  private JsonNode awaitReport() throws Exception {
    Path report = dir.resolve("report.json");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(report) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(report), "the orphaned runner wrote its report");
    return Json.parse(Files.readString(report));
  }

  @Test
  void deadParentEndsTheTreeAndStillWritesTheReportFile() throws Exception {
    String s = ControlHarness.uniqueSleep();
    // stdout and stderr stay pipes to this test (as to the app), unread: the output is far below a pipe buffer
    JsonNode rep = orphanedRun("sleep " + s, "");
    ControlHarness.assertGone(s);
    assertEquals("parent_exited", rep.get("stop_reason").asText());
    assertEquals("Interrupted", rep.get("results").get(0).path("summary").path("reason").asText());
    assertEquals(2, rep.get("results").size());
  }

  @Test
  void aParentThatDiedUnreapedStillEndsTheRun() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    String s = ControlHarness.uniqueSleep();
    // perl forks the runner's shell and never reaps it: the dead shell stays a zombie, which ProcessHandle.isAlive
    // counts as alive (the audit recheck's harness left its shell so, and the run went on to its end)
    Process perl = new ProcessBuilder("perl", "-e", "if (fork() == 0) { exec('sh', '-c', $ARGV[0]) } sleep 120",
        orphaningScript("sleep " + s, "")).start();
    try {
      JsonNode rep = awaitReport();
      ControlHarness.assertGone(s);
      assertEquals("parent_exited", rep.get("stop_reason").asText(), rep.toString());
    } finally {
      perl.destroyForcibly();
    }
  }

  @Test
  void runWithOutputToFilesOutlivesItsShell() throws Exception {
    // nohup-style: output to files means the user wants the run to go on after the shell exits
    JsonNode rep = orphanedRun("sleep 1; echo slept", "> '" + dir.resolve("out.json") + "' 2> '" + dir.resolve("err.txt") + "'");
    assertEquals("success", rep.get("overall_status").asText(), rep.toString());
    assertTrue(rep.get("stop_reason") == null);
  }
}
