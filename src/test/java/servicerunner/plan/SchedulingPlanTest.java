package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import servicerunner.schedule.Claims;

/** The scheduling keys of a plan: read, checked against the whole plan with their paths, and merged with defaults. */
class SchedulingPlanTest {

  private static PreparedPlan prepare(String json) throws PlanException {
    return PreparedPlan.prepare(PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "plan.json"));
  }

  private static String error(String json) {
    PlanException e = assertThrows(PlanException.class, () -> prepare(json));
    return String.join(" | ", e.problems());
  }

  private static String parallel(String tasks) {
    return "{\"parallel_execution\":true,\"tasks\":[" + tasks + "]}";
  }

  @Test
  void needsNameTasksByIdAndBecomeIndices() throws PlanException {
    PreparedPlan p = prepare(parallel("{\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"b\"]},"
        + "{\"id\":\"b\",\"type\":\"command\",\"command\":[\"true\"]}"));
    assertEquals(List.of(1), p.tasks().get(0).waitsFor());
    assertTrue(p.tasks().get(0).spec().params().get("needs") == null, "needs is not a handler parameter");
  }

  @Test
  void aConditionImpliesNeedsSoAParallelRunWaitsForWhatItTests() throws PlanException {
    PreparedPlan p = prepare(parallel("{\"id\":\"a\",\"type\":\"command\",\"command\":[\"true\"]},"
        + "{\"id\":\"b\",\"type\":\"command\",\"command\":[\"true\"]},"
        + "{\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"b\"],"
        + "\"run_if\":{\"task\":\"a\",\"status\":[\"success\"]}}"));
    assertEquals(List.of(1, 0), p.tasks().get(2).waitsFor());
  }

  @Test
  void anUnknownNeedACycleAndASelfNeedArePlanErrorsWithTheirPaths() {
    assertEquals("tasks[0].needs[0]: no task has the id \"nope\"",
        error(parallel("{\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"nope\"]}")));
    assertEquals("tasks[0].needs: a cycle: a -> b -> a", error(parallel(
        "{\"id\":\"a\",\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"b\"]},"
            + "{\"id\":\"b\",\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"a\"]}")));
    assertEquals("tasks[0].needs[0]: a task cannot need itself",
        error(parallel("{\"id\":\"a\",\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"a\"]}")));
  }

  @Test
  void withoutParallelExecutionANeedOfALaterTaskIsAnError() {
    assertTrue(error("{\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"],\"needs\":[\"b\"]},"
        + "{\"id\":\"b\",\"type\":\"command\",\"command\":[\"true\"]}]}").contains("comes later in the plan"));
  }

  @Test
  void aClaimLargerThanItsPoolIsAPlanError() {
    assertEquals("tasks[0].resources.disk:C:: claims 2 of pool \"disk:C:\", more than its capacity 1 (raise it in the"
        + " top-level \"resources\")",
        error(parallel("{\"type\":\"command\",\"command\":[\"true\"],\"resources\":{\"disk:C:\":2}}")));
    assertEquals("tasks[0].type: the type claims 1 of pool \"net\", more than its capacity 0.5 (raise it in the"
        + " top-level \"resources\")", error("{\"parallel_execution\":true,\"resources\":{\"net\":0.5},"
        + "\"tasks\":[{\"type\":\"speedtest\"}]}"));
  }

  @Test
  void badlyTypedKeysAreReportedTogether() {
    String e = error("{\"parallel_execution\":true,\"max_parallel\":0,\"resources\":[1],\"tasks\":["
        + "{\"type\":\"command\",\"command\":[\"true\"],\"needs\":\"a\",\"resources\":{\"x\":-1},\"exclusive\":1}]}");
    assertTrue(e.contains("max_parallel: expected a whole number from 1 to 256, got the number 0"), e);
    assertTrue(e.contains("resources: expected an object of pool name to capacity"), e);
    assertTrue(e.contains("tasks[0].needs: expected an array of task ids"), e);
    assertTrue(e.contains("tasks[0].resources.x: expected a number greater than 0"), e);
    assertTrue(e.contains("tasks[0].exclusive: expected true or false"), e);
  }

  @Test
  void typesClaimTheirDefaultsAndThePlanReplacesThem() throws PlanException {
    PreparedPlan p = prepare("{\"parallel_execution\":true,\"max_parallel\":3,\"resources\":{\"net\":2},\"tasks\":["
        + "{\"type\":\"chkdsk_scan\",\"drive\":\"d\"},"
        + "{\"type\":\"winsat_disk\"},"
        + "{\"type\":\"sfc_scan\"},"
        + "{\"type\":\"command\",\"command\":[\"true\"]},"
        + "{\"type\":\"command\",\"command\":[\"true\"],\"resources\":[\"net\"],\"exclusive\":false},"
        + "{\"type\":\"furmark_stress_test\",\"duration_seconds\":5,\"exclusive\":false,\"resources\":{\"gpu\":1}}]}");
    assertEquals(Claims.of("disk:D:"), p.tasks().get(0).claims(), "one disk pool per volume, from the drive parameter");
    assertTrue(p.tasks().get(1).claims().exclusive());
    assertEquals(Map.of("disk:C:", 1.0, "servicing", 1.0), p.tasks().get(2).claims().amounts());
    assertEquals(Claims.NONE, p.tasks().get(3).claims(), "command claims nothing unless the plan says so");
    assertEquals(Claims.of("net"), p.tasks().get(4).claims());
    assertEquals(Claims.of("gpu"), p.tasks().get(5).claims());
    assertFalse(p.tasks().get(5).claims().exclusive());
    assertEquals(3, p.plan().scheduling().maxParallel());
    assertEquals(Map.of("net", 2.0), p.plan().scheduling().capacities());
  }
}
