package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanParserTest {

  private static Plan parse(String json) throws PlanException {
    return PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "plan.json");
  }

  private static String error(String json) {
    PlanException e = assertThrows(PlanException.class, () -> parse(json));
    return String.join(" | ", e.problems());
  }

  @Test
  void acceptsTheThreeShapesAndKeepsPlanOrder() throws PlanException {
    Plan p = parse("{\"tasks\":[{\"type\":\"system_restore\"},{\"type\":\"sfc_scan\"},{\"type\":\"system_restore\"}]}");
    assertEquals(3, p.tasks().size());
    assertEquals("sfc_scan", p.tasks().get(1).type());
    assertEquals(2, parse("[{\"type\":\"a\"},{\"type\":\"b\"}]").tasks().size());
    assertEquals("ping_test", parse("{\"type\":\"ping_test\",\"host\":\"x\"}").tasks().get(0).type());
  }

  @Test
  void nestedParamsMergeWithFlatOnesAndRememberTheirPath() throws PlanException {
    TaskSpec t = parse("{\"tasks\":[{\"type\":\"ping_test\",\"count\":3,\"params\":{\"host\":\"h\"}}]}").tasks().get(0);
    assertEquals("h", t.params().get("host").asText());
    assertEquals(3, t.params().get("count").asInt());
    assertEquals("tasks[0].params.host", t.paramPath("host"));
    assertEquals("tasks[0].count", t.paramPath("count"));
  }

  @Test
  void taskIdsAreKeptAndMustBeUniqueAndPlain() throws PlanException {
    Plan p = parse("{\"tasks\":[{\"type\":\"sfc_scan\",\"id\":\"sfc1\"},{\"type\":\"sfc_scan\"}]}");
    assertEquals("sfc1", p.tasks().get(0).id());
    assertEquals(null, p.tasks().get(1).id());
    assertEquals(false, p.tasks().get(0).params().has("id"));
    assertEquals("tasks[2].id: \"a\" is already the id of tasks[0].id (ids are unique)",
        error("{\"tasks\":[{\"type\":\"x\",\"id\":\"a\"},{\"type\":\"x\",\"id\":\"b\"},{\"type\":\"x\",\"id\":\"a\"}]}"));
    assertTrue(error("{\"tasks\":[{\"type\":\"x\",\"id\":\"\"}]}").startsWith("tasks[0].id: expected a task id"));
    assertTrue(error("{\"tasks\":[{\"type\":\"x\",\"id\":7}]}").contains("got the number 7"));
    assertTrue(error("{\"tasks\":[{\"type\":\"x\",\"id\":\"a b\"}]}").contains("tasks[0].id"));
  }

  @Test
  void conflictingParamsAreAnError() {
    assertTrue(error("{\"tasks\":[{\"type\":\"p\",\"count\":3,\"params\":{\"count\":4}}]}")
        .contains("tasks[0].params.count: conflicts with tasks[0].count"));
  }

  @Test
  void strictJsonErrorsNameTheirPlace() {
    assertTrue(error("{\"tasks\":[{\"type\":\"a\"}]} trailing").contains("invalid JSON"));
    assertTrue(error("{\"tasks\":[],\"tasks\":[]}").contains("Duplicate field 'tasks'"));
    String truncated = error("{\"tasks\":[{\"type\":\"a\"");
    assertTrue(truncated.contains("line 1"), truncated);
    assertTrue(error("{\"tasks\":[1,{\"type\":\"a\"}]}").contains("tasks[0]: expected a task object, got the number 1"));
    assertTrue(error("{\"tasks\":{}}").contains("tasks: expected an array"));
    assertTrue(error("{\"tasks\":[{\"type\":5}]}").contains("tasks[0].type: expected a string"));
    assertTrue(error("{\"tasks\":[{\"type\":\"a\",\"timeout_seconds\":\"ten\"}]}").contains("tasks[0].timeout_seconds"));
    assertTrue(error("{\"tasks\":[],\"pause_between_tasks\":\"yes\"}").contains("pause_between_tasks: expected true or false"));
    assertTrue(error("{\"tasks\":[{\"type\":\"a\",\"timeout_seconds\":null}]}").contains("got null"));
    assertTrue(error("42").contains("expected an object with \"tasks\""));
    assertTrue(error("   ").contains("the plan is empty"));
  }

  /** Audit D1/D4: 1e10 s overflowed Duration.toNanos on the engine thread; now both keys stop at 7 days. */
  @Test
  void timeoutsAreBoundedAtSevenDays() throws PlanException {
    for (String key : new String[] {"timeout_seconds", "idle_timeout_seconds"}) {
      for (String huge : new String[] {"604800.5", "9.3e9", "1e10", "1e300", "123456789012345678901234567890"}) {
        String e = error("{\"tasks\":[{\"type\":\"a\",\"" + key + "\":" + huge + "}]}");
        assertTrue(e.startsWith("tasks[0]." + key + ": expected a number of seconds greater than 0 and at most 604800"
            + " (7 days), got the number "), e);
      }
    }
    TaskSpec t = parse("{\"tasks\":[{\"type\":\"a\",\"timeout_seconds\":604800,\"idle_timeout_seconds\":0.25}]}")
        .tasks().get(0);
    assertEquals(java.time.Duration.ofDays(7), t.timeout());
    assertEquals(java.time.Duration.ofMillis(250), t.idleTimeout());
  }

  @Test
  void binaryIsRejectedAsNotUtf8() {
    PlanException e = assertThrows(PlanException.class,
        () -> PlanParser.parse(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, (byte) 0x80}, "photo.jpg"));
    assertTrue(e.getMessage().contains("not UTF-8"));
  }

  @Test
  void bomIsAccepted() throws PlanException {
    byte[] json = "\uFEFF[{\"type\":\"a\"}]".getBytes(StandardCharsets.UTF_8);
    assertEquals(1, PlanParser.parse(json, "x").tasks().size());
  }
}
