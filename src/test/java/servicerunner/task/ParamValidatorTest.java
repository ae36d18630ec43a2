package servicerunner.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class ParamValidatorTest {
  private static final List<ParamSpec> SPECS = List.of(
      ParamSpec.string("host", "h").required(),
      ParamSpec.integer("count", "c").defaultsTo(4).range(1.0, 100.0),
      ParamSpec.bool("fast", "f"),
      ParamSpec.string("mode", "m").oneOf("read_only", "fix_errors").defaultsTo("read_only"),
      ParamSpec.stringList("actions", "a").oneOf("checkhealth", "scanhealth"));

  private static ParamValidator.Validation validate(String json) throws Exception {
    return ParamValidator.validate(SPECS, (ObjectNode) Json.parse(json), n -> "tasks[1]." + n);
  }

  @Test
  void defaultsAreFilledAndUnknownKeysListed() throws Exception {
    ParamValidator.Validation v = validate("{\"host\":\"h\",\"extra\":1}");
    assertEquals(List.of(), v.errors());
    assertEquals(4, v.params().integer("count"));
    assertEquals("read_only", v.params().string("mode"));
    assertEquals(false, v.params().flag("fast"));
    assertEquals(List.of("extra"), v.unknown());
  }

  @Test
  void everyProblemIsReportedWithItsPath() throws Exception {
    List<String> e = validate("{\"count\":2.5,\"fast\":null,\"mode\":\"turbo\",\"actions\":[\"checkhealth\",\"x\"]}").errors();
    assertEquals(5, e.size(), e.toString());
    assertTrue(e.contains("tasks[1].host: required, expected a string"), e.toString());
    assertTrue(e.contains("tasks[1].count: expected an integer, got the number 2.5"), e.toString());
    assertTrue(e.contains("tasks[1].fast: expected true or false, got null"), e.toString());
    assertTrue(e.contains("tasks[1].mode: expected one of read_only, fix_errors, got \"turbo\""), e.toString());
    assertTrue(e.contains("tasks[1].actions: [1]: expected one of checkhealth, scanhealth, got \"x\""), e.toString());
    assertEquals(List.of("tasks[1].count: expected at most 100, got 101"), validate("{\"host\":\"h\",\"count\":101}").errors());
  }
}
