package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * One runner started as the app starts it, with a control file, plus the helpers the control tests share: write a
 * control action, wait for a marker, and find the processes of a task by a unique argument in their command line.
 */
final class ControlHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final Path dir;
  final Path control;
  final Path outputFile;
  final RunnerProcess.Started run;

  private ControlHarness(Path dir, RunnerProcess.Started run) {
    this.dir = dir;
    this.control = dir.resolve("run_control.json");
    this.outputFile = dir.resolve("report.json");
    this.run = run;
  }

  /** Starts the jar on a plan (JSON text) with env AUTOSERVICE_CONTROL_FILE, as Tauri does, and --output-file. */
  static ControlHarness start(Path dir, String planJson, String... extraArgs) throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, planJson);
    List<String> args = new ArrayList<>(List.of(plan.toString(), "--output-file", dir.resolve("report.json").toString()));
    args.addAll(List.of(extraArgs));
    RunnerProcess rp = RunnerProcess.jar(args.toArray(new String[0]))
        .env("AUTOSERVICE_CONTROL_FILE", dir.resolve("run_control.json").toString()).dir(dir);
    return new ControlHarness(dir, rp.start());
  }

  /** A sleep duration no other process on the machine has: pgrep-able marker and a real long-running tool. */
  static String uniqueSleep() {
    return "300." + ThreadLocalRandom.current().nextInt(100000, 999999);
  }

  /** Plain truncate-and-write, as Rust's std::fs::write. */
  void write(String json) throws IOException {
    Files.write(control, json.getBytes(StandardCharsets.UTF_8));
  }

  void action(String action) throws IOException {
    write("{\"action\":\"" + action + "\",\"timestamp\":" + System.nanoTime() + "}");
  }

  String await(String prefix) throws InterruptedException {
    RunnerProcess.TimedLine l = run.awaitLine(s -> s.startsWith(prefix), WAIT);
    assertNotNull(l, "no line starting with '" + prefix + "' within " + WAIT + "; stderr so far:\n"
        + String.join("\n", run.linesSoFar()));
    return l.line();
  }

  RunResult finish() throws InterruptedException {
    return run.waitFor(Duration.ofSeconds(60));
  }

  /** Live processes whose command line contains {@code marker} (read from /proc, so no tool is needed). */
  static List<Long> processesWith(String marker) {
    List<Long> found = new ArrayList<>();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : dirs) {
        try {
          byte[] cmd = Files.readAllBytes(d.resolve("cmdline"));
          String s = new String(cmd, StandardCharsets.UTF_8).replace('\0', ' ');
          String stat = Files.readString(d.resolve("stat"));
          boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
          if (!zombie && s.contains(marker) && !s.contains("service-runner.jar")) {
            found.add(Long.parseLong(d.getFileName().toString()));
          }
        } catch (IOException | RuntimeException ignored) {
          // process ended while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** Waits (generously) until no process carries the marker; fails naming the survivors. */
  static void assertGone(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<Long> left = processesWith(marker);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = processesWith(marker);
    }
    assertTrue(left.isEmpty(), "processes with '" + marker + "' still alive: " + left);
  }

  static void killAll(String marker) {
    for (long pid : processesWith(marker)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  static void awaitAlive(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (processesWith(marker).isEmpty()) {
      if (System.nanoTime() > deadline) {
        fail("no process with '" + marker + "' started");
      }
      Thread.sleep(20);
    }
  }

  /** The report on stdout, the same report in --output-file, and one result per plan task. */
  JsonNode assertReport(RunResult r, int tasks) throws IOException {
    JsonNode stdout = r.report();
    JsonNode file = servicerunner.json.Json.parse(Files.readString(outputFile));
    assertEquals(stdout, file, "stdout report and --output-file differ");
    assertEquals(tasks, stdout.get("results").size(), "one result per plan task; stderr:\n" + r.stderrText());
    for (int i = 0; i < tasks; i++) {
      assertTrue(stdout.get("results").get(i).hasNonNull("status"), "result " + i + " has a status");
    }
    r.assertProtocolClean();
    return stdout;
  }

  /** Index of the first stderr line starting with {@code prefix}, or -1. */
  static int indexOf(RunResult r, String prefix) {
    List<String> lines = r.stderrLines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  static long count(RunResult r, String prefix) {
    return r.stderrLines().stream().filter(l -> l.startsWith(prefix)).count();
  }

  static String task(String shell) {
    return "{\"type\":\"command\",\"command\":[\"sh\",\"-c\"," + servicerunner.json.Json.compact(
        com.fasterxml.jackson.databind.node.TextNode.valueOf(shell)) + "],\"timeout_seconds\":120}";
  }

  static String plan(boolean pauseBetween, String... tasks) {
    return "{" + (pauseBetween ? "\"pause_between_tasks\":true," : "") + "\"tasks\":[" + String.join(",", tasks) + "]}";
  }

  @Override
  public void close() {
    if (run.process.isAlive()) {
      run.process.destroyForcibly();
    }
  }
}
