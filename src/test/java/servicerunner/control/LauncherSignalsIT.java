package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.json.Json;
import servicerunner.testing.RunnerProcess;

/**
 * stdout is the report and nothing else, whatever signal arrives (audit D9), through the launcher that sets the
 * JVM flags: SIGQUIT's thread dump goes to stderr, SIGUSR2 no longer crashes the JVM.
 */
class LauncherSignalsIT {
  @TempDir Path dir;

  private Process start(String plan) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of("runner/service-runner").toAbsolutePath().toString(), plan)
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.json").toFile());
    pb.environment().put("SERVICE_RUNNER_JAR", RunnerProcess.jarPath().toString());
    pb.environment().put("SERVICE_RUNNER_ARCHIVE", "off");
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().remove("_JAVA_SR_SIGNUM");
    pb.environment().remove("AUTOSERVICE_CONTROL_FILE");
    pb.directory(dir.toFile());
    return pb.start();
  }

  private void awaitLine(String prefix) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Files.readAllLines(dir.resolve("err.txt")).stream().noneMatch(l -> l.startsWith(prefix))) {
      assertTrue(System.nanoTime() < deadline, "no " + prefix + " line");
      Thread.sleep(20);
    }
  }

  private static void kill(String signal, Process p) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
  }

  @Test
  void sigquitsThreadDumpGoesToStderr() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    String s = ControlHarness.uniqueSleep();
    Process p = start(ControlHarness.plan(false, ControlHarness.task("sleep " + s)));
    try {
      awaitLine("TASK_START:0:");
      kill("QUIT", p);
      awaitLine("Full thread dump");
      kill("TERM", p); // the dump changed nothing: the run goes on until stopped
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      ControlHarness.killAll(s);
    }
    assertEquals(143, p.exitValue());
    String out = Files.readString(dir.resolve("out.json"));
    assertTrue(out.startsWith("{\n  \"overall_status\": \"stopped\""), out.substring(0, Math.min(200, out.length())));
    Json.parse(out); // exactly one JSON document
  }

  @Test
  void sigusr2StopsTheRunWithAReportInsteadOfCrashingTheJvm() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    String s = ControlHarness.uniqueSleep();
    Process p = start(ControlHarness.plan(false, ControlHarness.task("sleep " + s), ControlHarness.task("true")));
    try {
      awaitLine("TASK_START:0:");
      kill("USR2", p);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      ControlHarness.killAll(s);
    }
    assertEquals(140, p.exitValue(), Files.readString(dir.resolve("err.txt")));
    JsonNode rep = Json.parse(Files.readString(dir.resolve("out.json")));
    assertEquals("signal", rep.get("stop_reason").asText());
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "no JVM crash file");
    }
    assertTrue(List.of(Files.readString(dir.resolve("err.txt")).split("\n")).contains("RUN_STOPPED:signal"));
  }
}
