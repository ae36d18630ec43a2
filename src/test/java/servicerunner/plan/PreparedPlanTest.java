package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.ParamSpec;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/** Plan preparation: checked values only ever reach a type's own code. */
class PreparedPlanTest {

  /**
   * A stress test whose default timeout is its duration in nanoseconds: exact arithmetic that throws beyond the
   * long range, as furmark's {@code Duration.plus} did for {@code duration_seconds: 1e300} (audit D7, exit 3).
   */
  static final TaskType STRESS = new TaskType() {
    final TaskDeclaration declaration = TaskDeclaration.builder("stress", "A stress test.")
        .params(ParamSpec.number("duration_seconds", "How long.").required().range(1.0, 604800.0))
        .timeout("duration_seconds + 120 s", p -> p == null ? null : Duration.ofNanos(
            Math.multiplyExact((long) p.number("duration_seconds"), 1_000_000_000L)).plusSeconds(120))
        .build();

    @Override
    public TaskDeclaration declaration() {
      return declaration;
    }

    @Override
    public TaskOutcome run(TaskContext ctx) {
      throw new AssertionError("not run here");
    }
  };

  private static PreparedPlan prepare(String json) throws PlanException {
    return PreparedPlan.prepare(PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "plan.json"),
        id -> id.equals("stress") ? STRESS : null);
  }

  @Test
  void aValueBeyondItsMaximumIsAPlanErrorNotTheTimeoutRulesOverflow() {
    for (String huge : List.of("1e300", "1e10", "-1e300", "\"1e300\"")) {
      PlanException e = assertThrows(PlanException.class,
          () -> prepare("{\"tasks\":[{\"type\":\"stress\",\"duration_seconds\":" + huge + "}]}"), huge);
      assertEquals(1, e.problems().size(), e.problems().toString());
      assertEquals("tasks[0].duration_seconds", e.problems().get(0).split(":")[0], e.problems().toString());
    }
  }

  @Test
  void everyTasksProblemsAreStillReportedTogether() {
    PlanException e = assertThrows(PlanException.class, () -> prepare(
        "{\"tasks\":[{\"type\":\"stress\",\"duration_seconds\":1e300},{\"type\":\"stress\"}]}"));
    assertEquals(List.of("tasks[0].duration_seconds", "tasks[1].duration_seconds"),
        e.problems().stream().map(p -> p.split(":")[0]).toList());
  }

  @Test
  void aCheckedValueGetsItsTimeout() throws PlanException {
    PreparedTask t = prepare("{\"tasks\":[{\"type\":\"stress\",\"duration_seconds\":60}]}").tasks().get(0);
    assertEquals(Duration.ofSeconds(180), t.timeout());
  }
}
