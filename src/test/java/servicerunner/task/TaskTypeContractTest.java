package servicerunner.task;

import servicerunner.param.ParamSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.json.Json;
import servicerunner.plan.PlanParser;
import servicerunner.plan.PreparedPlan;
import servicerunner.run.Ending;
import servicerunner.run.RunController;
import servicerunner.run.RunEngine;
import servicerunner.run.RunHandle;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOptions;
import servicerunner.run.RunOutcome;
import servicerunner.run.TaskResult;
import servicerunner.testing.Procs;

/**
 * The contract every tool-backed type inherits, checked once over the catalogue and in-process (the real engine and
 * process layer, no JVM launch; Kestra's AbstractTaskRunnerTest): a hung tool times out with the common verdict and
 * its whole tree is gone, a skip ends the tree and the run goes on, a missing executable is {@code not_found} and one
 * that cannot start is {@code launch_failed}. The tool is a tiny {@code sh} script written to a temp folder and named
 * in {@code executable_path} ({@code command}: its argv), so a new type is covered by being in the catalogue.
 */
@Execution(ExecutionMode.CONCURRENT) // every case has its own folder and processes; most of the time is waiting
class TaskTypeContractTest {

  /**
   * Types whose run does not reach their executable on this platform, with why. Each entry is a gap to close in the
   * type, not a licence: the contract holds for every other type.
   */
  static final Map<String, String> NOT_YET = Map.of(
      "ai_browser_notification_disable", "never runs its executable (it only looks for the running browser)");

  /** Parameters a type needs beyond its declared example to run here: no private addresses, no relative folders. */
  static final Map<String, String> PARAMS = Map.of(
      "iperf_test", "{\"server\":\"127.0.0.1\"}",
      "battery_health_report", "{\"source\":\"powercfg\"}", // sysfs, not the tool, unless asked for powercfg
      "dism_health_check", "{\"actions\":[\"scanhealth\"]}",
      // a literal key and a closed local port: the tool runs before any request, and none may leave the machine
      "ai_startup_disable", "{\"api_key\":\"sk-contract\",\"base_url\":\"http://127.0.0.1:9/v1\"}",
      "ai_browser_notification_disable", "{\"api_key\":\"sk-contract\",\"base_url\":\"http://127.0.0.1:9/v1\"}");

  /** What the renderer still reads from a type's summary when its tool did not finish ({error}: the sentence). */
  static final Map<String, Map<String, String>> UNFINISHED = Map.of(
      "chkdsk_scan", Map.of("/drive", "\"C:\"", "/verdict", "\"not_completed\""),
      "dism_health_check", Map.of("/failed_action", "\"scanhealth\"", "/steps", "[]"),
      "system_restore", Map.of("/human_readable/message", "\"Not created: {error}\"",
          "/results/restore_point_created", "false"),
      "winsat_disk", Map.of("/drive", "\"C:\"", "/human_readable/score", "null"),
      "speedtest", Map.of("/human_readable/score", "0"),
      "iperf_test", Map.of("/human_readable/stability_score", "0"),
      "trellix_stinger_scan", Map.of("/error_hint",
          "\"Stinger ran longer than allowed; raise timeout_minutes or scan a smaller scan_path.\""));

  @TempDir Path dir;

  /** Every catalogued type that runs a tool: it declares executable_path, or it is the generic command. */
  static Stream<String> toolTypes() {
    return TaskCatalog.ids().stream()
        .filter(id -> id.equals("command") || TaskCatalog.find(id).params().stream()
            .anyMatch(p -> p.name().equals("executable_path")))
        .filter(id -> !NOT_YET.containsKey(id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolTypes")
  void aHungToolTimesOutWithTheCommonVerdictAndItsTreeIsGone(String type) throws Exception {
    Path tool = hangingTool();
    TaskResult r = runAlone(task(type, tool.toString()).put("timeout_seconds", 2));
    assertNotCompleted(type, r, "timed_out");
    assertTrue(r.summary().path("timed_out").asBoolean(), r.summary().toString());
    for (Map.Entry<String, String> e : UNFINISHED.getOrDefault(type, Map.of()).entrySet()) {
      assertEquals(Json.parse(e.getValue().replace("{error}", r.reason())), r.summary().at(e.getKey()),
          type + " " + e.getKey());
    }
    assertToolTreeGone();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolTypes")
  void aSkipEndsTheToolTreeAndTheRunGoesOn(String type) throws Exception {
    Path tool = hangingTool();
    String plan = "[" + task(type, tool.toString()).put("timeout_seconds", 120)
        + ",{\"type\":\"command\",\"command\":[\"true\"]}]";
    RunHandle h = new RunEngine(prepare(plan), RunOptions.defaults(), RunObserver.NONE).start();
    awaitFile(dir.resolve("started"), h);
    h.controller().skip();
    RunOutcome o = h.await(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError(type + ": no end after skip"));
    TaskResult skipped = o.results().get(0);
    assertEquals(new Ending.SkippedByUser(RunController.SKIP_REASON, true), skipped.ending(),
        skipped.summary().toString());
    assertEquals(Status.SKIPPED, skipped.status());
    assertEquals(Status.SUCCESS, o.results().get(1).status(), "the run goes on after the skip");
    assertToolTreeGone();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolTypes")
  void aMissingExecutableIsNotFound(String type) throws Exception {
    TaskResult r = runAlone(task(type, dir.resolve("no-such-tool").toString()));
    assertNotCompleted(type, r, "not_found");
    assertTrue(r.reason().contains("no-such-tool"), type + ": the sentence names what is missing: " + r.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolTypes")
  void aToolThatCannotStartIsLaunchFailed(String type) throws Exception {
    // there, but not executable. (A missing interpreter is not used here: on Linux the tool starts under setsid,
    // whose failed exec is an ordinary exit 127 that the runner cannot tell from the tool's own.)
    Path notExecutable = Files.writeString(dir.resolve("not-executable"), "#!/bin/sh\necho never\n");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    assertNotCompleted(type, runAlone(task(type, notExecutable.toString())), "launch_failed");
  }

  /** The one way every type tells a not-completed run (README: the endings every tool shares). */
  private static void assertNotCompleted(String type, TaskResult r, String verdict) {
    JsonNode s = r.summary();
    assertEquals(Status.FAILURE, r.status(), type + ": " + s);
    assertInstanceOf(Ending.Ran.class, r.ending(), type);
    assertEquals(verdict, s.path("human_readable").path("verdict").asText(), type + ": " + s);
    assertEquals(r.reason(), s.path("error").asText(), type + ": the TASK_FAIL reason is the error sentence");
    assertEquals(r.reason(), s.path("human_readable").path("notes").path(0).asText(), type + ": notes start with it");
    assertFalse(r.reason().isBlank(), type);
  }

  /**
   * A tool that hangs with a child, both carrying this case's folder in their command line; it says it started
   * once the child runs. Arguments are ignored, so it stands in for any tool.
   */
  private Path hangingTool() throws IOException {
    Path quiet = Files.createFile(dir.resolve("quiet"));
    Path tool = dir.resolve("hang");
    Files.writeString(tool, "#!/bin/sh\necho \"fake tool started\"\ntail -f '" + quiet + "' &\n"
        + "echo $$ $! > '" + dir.resolve("started.tmp") + "'\nmv '" + dir.resolve("started.tmp") + "' '"
        + dir.resolve("started") + "'\nwait\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    return tool;
  }

  private void assertToolTreeGone() throws InterruptedException {
    assertEquals(List.of(), Procs.awaitGone(dir.toString()), "processes of the tool still run");
  }

  /** The type's example with the tool put in: executable_path, or the argv of the generic command. */
  private ObjectNode task(String type, String tool) throws IOException {
    TaskDeclaration d = TaskCatalog.find(type).declaration();
    ObjectNode t = d.example() == null ? Json.object().put("type", type) : (ObjectNode) Json.parse(d.example());
    if (PARAMS.containsKey(type)) {
      t.setAll((ObjectNode) Json.parse(PARAMS.get(type)));
    }
    if (type.equals("command")) {
      t.putArray("command").add(tool);
    } else {
      t.put("executable_path", tool);
    }
    for (ParamSpec p : d.params()) {
      if (p.name().endsWith("_dir") || p.name().endsWith("working_path")) {
        // never the example's relative Windows folders
        t.put(p.name(), Files.createDirectories(dir.resolve(p.name())).toString());
      }
    }
    t.remove("timeout_seconds");
    return t;
  }

  private static PreparedPlan prepare(String tasksJson) throws Exception {
    return PreparedPlan.prepare(PlanParser.parse(("{\"tasks\":" + tasksJson + "}").getBytes(StandardCharsets.UTF_8),
        "contract"));
  }

  private static TaskResult runAlone(ObjectNode task) throws Exception {
    RunOutcome o = new RunEngine(prepare("[" + task + "]"), RunOptions.defaults(), RunObserver.NONE).runHere();
    return o.results().get(0);
  }

  /** Polls for the tool's start file; fails early if the run ended without starting the tool. */
  private static void awaitFile(Path file, RunHandle h) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(file)) {
      if (h.isDone()) {
        throw new AssertionError("the run ended before the tool started: "
            + h.future().join().results().get(0).summary());
      }
      assertTrue(System.nanoTime() < deadline, "the tool did not start within 30 s");
      Thread.sleep(20);
    }
  }
}
