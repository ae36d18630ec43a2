package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.json.Json;
import servicerunner.param.ParamKind;
import servicerunner.param.ParamSpec;
import servicerunner.run.RunEngine;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOptions;
import servicerunner.run.TaskResult;
import servicerunner.task.TaskCatalog;
import servicerunner.task.TaskDeclaration;

/**
 * Issue 17 item 1 (audit D1, D4, D7): every number a plan gives, for every type, is either a plan error naming its
 * path or a value the run copes with; never an internal error (exit 3), a hang or an overflow. Each declared integer
 * and number parameter, and the numbers every task accepts (timeouts, retry), get the values that once broke the
 * runner: huge, tiny, negative, beyond the double range, and the strings a spelled number could carry (NaN, Infinity,
 * a unit after 1e300).
 */
class HostileNumbersTest {

  static final List<String> HOSTILE = List.of("1e300", "-1e300", "1e-300", "-1e-300", "1e400", "-1e400", "-0.0",
      "9223372036854775808", "123456789012345678901234567890", "\"NaN\"", "\"nan\"", "\"-NaN\"", "\"Infinity\"",
      "\"-Infinity\"", "\"inf\"", "\"1e300\"", "\"-1e300\"", "\"1e-300\"", "\"1e300s\"", "\"0x7fffffff\"", "\"\"");

  /**
   * The numbers every task accepts, read by the plan parser the same for every type (checked with {@code command}):
   * a dotted name is a member of an object, e.g. {@code retry.delay_seconds} in {@code "retry": {"attempts": 2, ...}}.
   */
  static final List<String> COMMON = List.of("timeout_seconds", "idle_timeout_seconds", "retry", "retry.attempts",
      "retry.delay_seconds", "retry.backoff");

  @TempDir Path dir;

  static Stream<String> types() {
    return TaskCatalog.ids().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyNumberIsAPlanErrorWithItsPathOrRuns(String type) throws Exception {
    TaskDeclaration d = TaskCatalog.find(type).declaration();
    List<String> names = new ArrayList<>();
    for (ParamSpec p : d.params()) {
      if (p.kind() == ParamKind.INTEGER || p.kind() == ParamKind.NUMBER) {
        names.add(p.name());
      }
    }
    if (type.equals("command")) {
      names.addAll(COMMON); // the common keys are read by the plan parser, the same for every type
    }
    Path tool = quickTool();
    for (String name : names) {
      for (String value : HOSTILE) {
        ObjectNode task = task(d, tool);
        if (name.startsWith("retry.")) {
          ObjectNode retry = task.putObject("retry").put("attempts", 2);
          retry.set(name.substring("retry.".length()), Json.parse(value));
        } else {
          task.set(name, Json.parse(value));
        }
        String what = type + "." + name + " = " + value;
        PreparedPlan prepared;
        try {
          prepared = PreparedPlan.prepare(PlanParser.parse(
              ("{\"tasks\":[" + task + "]}").getBytes(StandardCharsets.UTF_8), "plan.json"));
        } catch (PlanException e) {
          assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("tasks[0]." + name + ": ")),
              what + ": " + e.problems());
          continue;
        }
        PreparedTask t = prepared.tasks().get(0);
        assertTrue(t.timeout() == null || !t.timeout().isNegative(), what + ": timeout " + t.timeout());
        if (name.startsWith("retry")) {
          Retry retry = t.spec().policy().retry();
          assertTrue(retry == null || retry.attempts() <= Retry.MAX_ATTEMPTS && retry.delay().compareTo(Retry.MAX_DELAY)
              <= 0 && retry.backoff() <= Retry.MAX_BACKOFF, what + ": " + retry);
        } else if (COMMON.contains(name)) {
          Duration given = name.equals("timeout_seconds") ? t.spec().timeout() : t.spec().idleTimeout();
          assertTrue(given.compareTo(TaskDeclaration.MAX_TIMEOUT) <= 0, what + ": " + given);
        } else {
          assertWithinDeclaredRange(d, name, t.params().raw(name).asDouble(), what);
        }
        // accepted: a value within the declared range (tiny, or -0.0 where 0 is allowed); the task must run
        TaskResult r = new RunEngine(prepared, RunOptions.defaults(), RunObserver.NONE).runHere().results().get(0);
        assertNotNull(r.status(), what);
        assertFalse(r.reason() != null && r.reason().startsWith("Exception: "), what + ": " + r.reason());
      }
    }
  }

  private static void assertWithinDeclaredRange(TaskDeclaration d, String name, double v, String what) {
    ParamSpec spec = d.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    assertTrue(Double.isFinite(v) && (spec.min() == null || v >= spec.min()) && spec.max() != null && v <= spec.max(),
        what + ": accepted as " + v);
  }

  /** The type's example with its tool replaced by one that ends at once: nothing here may reach a real tool. */
  private ObjectNode task(TaskDeclaration d, Path tool) throws IOException {
    ObjectNode t = (ObjectNode) Json.parse(d.example());
    if (d.id().equals("command")) {
      t.putArray("command").add(tool.toString());
    } else if (d.params().stream().anyMatch(p -> p.name().equals("executable_path"))) {
      t.put("executable_path", tool.toString());
    }
    if (d.id().equals("iperf_test")) {
      t.put("server", "127.0.0.1");
    }
    if (d.id().startsWith("ai_")) {
      t.put("api_key", "sk-hostile").put("base_url", "http://127.0.0.1:9/v1");
    }
    for (ParamSpec p : d.params()) {
      if (p.name().endsWith("_dir") || p.name().endsWith("working_path")) {
        t.put(p.name(), Files.createDirectories(dir.resolve(p.name())).toString());
      }
    }
    t.remove("timeout_seconds");
    return t;
  }

  private Path quickTool() throws IOException {
    Path tool = dir.resolve("tool");
    if (!Files.exists(tool)) {
      Files.writeString(tool, "#!/bin/sh\nexit 0\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }
    return tool;
  }
}
