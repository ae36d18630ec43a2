package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;

/** run_if, retry, on_failure and allow_failure are read, or refused with their paths, when the plan is loaded. */
class PolicyParserTest {

  private static Plan parse(String json) throws PlanException {
    return PlanParser.parse(json.getBytes(StandardCharsets.UTF_8), "plan.json");
  }

  private static List<String> problems(String json) {
    return assertThrows(PlanException.class, () -> parse(json)).problems();
  }

  private static final String SFC = "{\"id\": \"sfc1\", \"type\": \"sfc_scan\"}";

  @Test
  void theThreeFormsAndTheGroupsAreReadIntoTypedConditions() throws Exception {
    Plan p = parse("{\"tasks\": [" + SFC + ", {\"type\": \"dism_health_check\", \"run_if\": {\"all\": ["
        + "{\"task\": \"sfc1\", \"status\": [\"error\"]}, {\"any\": [{\"task\": \"sfc1\", \"verdict\": [\"could_not_repair\"]},"
        + "{\"not\": {\"task\": \"sfc1\", \"field\": \"summary.integrity_violations\", \"op\": \"eq\", \"value\": false}}]}]},"
        + " \"retry\": {\"attempts\": 3, \"delay_seconds\": 2, \"backoff\": 1.5, \"on\": [\"error\"]},"
        + " \"on_failure\": \"stop\", \"allow_failure\": true}]}");
    TaskPolicy policy = p.tasks().get(1).policy();
    Condition.All all = (Condition.All) policy.runIf();
    assertEquals(new Condition.TaskStatus("tasks[1].run_if.all[0]", "sfc1", Set.of(Status.ERROR)), all.parts().get(0));
    Condition.Any any = (Condition.Any) all.parts().get(1);
    assertEquals(List.of("could_not_repair"), ((Condition.Verdict) any.parts().get(0)).verdicts());
    Condition.Field f = (Condition.Field) ((Condition.Not) any.parts().get(1)).part();
    assertEquals("integrity_violations", f.fieldText());
    assertEquals(Condition.Op.EQ, f.op());
    assertEquals(new Retry(3, Duration.ofSeconds(2), 1.5, Set.of(Status.ERROR)), policy.retry());
    assertTrue(policy.stopOnFailure());
    assertTrue(policy.allowFailure());
    assertEquals(Set.of("sfc1"), policy.referencedTasks());
    assertEquals(TaskPolicy.NONE, p.tasks().get(0).policy());
    assertTrue(p.tasks().get(1).params().isEmpty(), "the policy keys are not handler parameters");
  }

  @Test
  void aPlainNumberIsTheAttemptsAndTheDelayGrowsByTheBackoffUpToItsCap() throws Exception {
    assertEquals(new Retry(4, Duration.ZERO, 1, Set.of(Status.FAILURE, Status.ERROR)),
        parse("{\"type\": \"command\", \"command\": [\"true\"], \"retry\": 4}").tasks().get(0).policy().retry());
    Retry r = new Retry(10, Duration.ofSeconds(10), 3, Retry.DEFAULT_ON);
    assertEquals(Duration.ofSeconds(10), r.delayBefore(2));
    assertEquals(Duration.ofSeconds(30), r.delayBefore(3));
    assertEquals(Duration.ofSeconds(90), r.delayBefore(4));
    assertEquals(Retry.MAX_DELAY, r.delayBefore(10));
  }

  @Test
  void aReferenceToALaterUnknownOrOwnTaskIsAPlanErrorWithItsPath() {
    assertEquals(List.of(
        "tasks[0].run_if.task: \"later\" is tasks[1], which does not come before tasks[0] (a condition tests tasks"
            + " earlier in plan order)",
        "tasks[1].run_if.any[0].task: no task has the id \"nobody\"",
        "tasks[1].run_if.any[1].task: \"later\" is tasks[1], this task itself, which does not come before tasks[1]"
            + " (a condition tests tasks earlier in plan order)"),
        problems("{\"tasks\": [{\"type\": \"command\", \"command\": [\"true\"],"
            + " \"run_if\": {\"task\": \"later\", \"status\": [\"success\"]}},"
            + " {\"id\": \"later\", \"type\": \"command\", \"command\": [\"true\"], \"run_if\": {\"any\": ["
            + "{\"task\": \"nobody\", \"status\": [\"success\"]}, {\"task\": \"later\", \"status\": [\"success\"]}]}}]}"));
  }

  @Test
  void aVerdictTheTypeDoesNotDeclareIsAPlanErrorListingTheDeclaredOnes() {
    List<String> p = problems("{\"tasks\": [" + SFC + ", {\"id\": \"x\", \"type\": \"no_such_type\"},"
        + " {\"type\": \"dism_health_check\", \"run_if\": {\"task\": \"sfc1\", \"verdict\": [\"repaired\","
        + " \"corruption_unrepaired\"]}}, {\"type\": \"dism_health_check\", \"run_if\": {\"task\": \"x\","
        + " \"verdict\": [\"ok\"]}}]}");
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("tasks[2].run_if.verdict[1]: \"corruption_unrepaired\" is not a verdict of sfc_scan"
        + " (task \"sfc1\"); it gives no_violations, repaired, could_not_repair"), p.get(0));
    assertEquals("tasks[3].run_if.verdict[0]: \"ok\" is not a verdict of the unknown type \"no_such_type\" (task \"x\");"
        + " it declares none", p.get(1));
  }

  @Test
  void malformedConditionsAndPoliciesAreRefusedWithTheirPaths() {
    String head = "{\"tasks\": [" + SFC + ", {\"type\": \"command\", \"command\": [\"true\"], ";
    assertEquals(List.of("tasks[1].run_if.op: unknown operator a string \"like\"; expected one of eq, ne, gt, ge, lt,"
        + " le, in, exists"), problems(head + "\"run_if\": {\"task\": \"sfc1\", \"field\": \"summary.x\", \"op\": \"like\","
        + " \"value\": 1}}]}"));
    assertEquals(List.of("tasks[1].run_if.value: expected a number for \"gt\", got a string \"3\""),
        problems(head + "\"run_if\": {\"task\": \"sfc1\", \"field\": \"summary.x\", \"op\": \"gt\", \"value\": \"3\"}}]}"));
    assertEquals(List.of("tasks[1].run_if.field: expected a path into the task's summary such as"
        + " \"summary.integrity_violations\", got a string \"status\""),
        problems(head + "\"run_if\": {\"task\": \"sfc1\", \"field\": \"status\", \"op\": \"exists\"}}]}"));
    assertEquals(List.of("tasks[1].run_if.status[0]: unknown status \"failed\" (expected one of success, failure,"
        + " error, warning, skipped, completed_with_errors)"),
        problems(head + "\"run_if\": {\"task\": \"sfc1\", \"status\": [\"failed\"]}}]}"));
    assertEquals(List.of("tasks[1].run_if.verdict: unknown key here (expected status, task)"),
        problems(head + "\"run_if\": {\"task\": \"sfc1\", \"status\": [\"error\"], \"verdict\": [\"x\"]}}]}"));
    assertEquals(List.of("tasks[1].run_if.all: expected a non-empty array of conditions, got an array"),
        problems(head + "\"run_if\": {\"all\": []}}]}"));
    assertEquals(List.of("tasks[1].retry.attempts: expected a whole number of attempts from 1 to 100, got the number 0",
        "tasks[1].retry.on[0]: expected one of failure, error, warning, got \"skipped\""),
        problems(head + "\"retry\": {\"attempts\": 0, \"on\": [\"skipped\"]}}]}"));
    assertEquals(List.of("tasks[1].retry.delay_seconds: expected a number from 0 to 3600, got the number 7200"),
        problems(head + "\"retry\": {\"attempts\": 2, \"delay_seconds\": 7200}}]}"));
    assertEquals(List.of("tasks[1].on_failure: expected \"stop\" or \"continue\", got a string \"halt\"",
        "tasks[1].allow_failure: expected true or false, got a string \"yes\""),
        problems(head + "\"on_failure\": \"halt\", \"allow_failure\": \"yes\"}]}"));
  }

  @Test
  void conditionsNestedTooDeepAreRefused() {
    String c = "{\"task\": \"sfc1\", \"status\": [\"error\"]}";
    for (int i = 0; i < 40; i++) {
      c = "{\"not\": " + c + "}";
    }
    List<String> p = problems("{\"tasks\": [" + SFC + ", {\"type\": \"command\", \"command\": [\"true\"], \"run_if\": "
        + c + "}]}");
    assertEquals(1, p.size());
    assertTrue(p.get(0).endsWith(": conditions nested more than 16 deep"), p.get(0));
  }
}
