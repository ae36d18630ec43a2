package servicerunner.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Declared;

class ParamValidatorTest {
  private static final List<ParamSpec> SPECS = List.of(
      ParamSpec.string("host", "h").required(),
      ParamSpec.integer("count", "c").defaultsTo(4).range(1.0, 100.0),
      ParamSpec.bool("fast", "f"),
      ParamSpec.string("mode", "m").oneOf("read_only", "fix_errors").defaultsTo("read_only"),
      ParamSpec.stringList("actions", "a").oneOf("checkhealth", "scanhealth"));

  private static ParamValidator.Validation validate(String json) {
    return Declared.validate(SPECS, List.of(), json, "tasks[1].");
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
    assertTrue(e.contains("tasks[1].actions[1]: expected one of checkhealth, scanhealth, got \"x\""), e.toString());
    assertEquals(List.of("tasks[1].count: expected at most 100, got 101"), validate("{\"host\":\"h\",\"count\":101}").errors());
  }

  private static final List<ParamSpec> FIGURES = List.of(
      ParamSpec.number("stability_threshold_mbps", "t").atLeast(0),
      ParamSpec.number("stability_threshold_bps", "t").atLeast(0),
      ParamSpec.number("duration_minutes", "d"),
      ParamSpec.integer("omit_seconds", "o").range(0.0, 600.0),
      ParamSpec.number("connect_timeout", "c").unit("s"),
      ParamSpec.integer("count", "c").range(1.0, 100.0),
      ParamSpec.number("ratio", "r"),
      ParamSpec.string("protocol", "p").oneOf("tcp", "udp"),
      ParamSpec.stringList("actions", "a").oneOf("checkhealth", "scanhealth"));

  private static ParamValidator.Validation figures(String json) {
    return Declared.validate(FIGURES, json);
  }

  /** Issue 10: the app's iperf builder always sends "20Mbps"; the reference read the number out of it. */
  @Test
  void aNumberSpelledWithTheParametersUnitIsReadWithAWarning() throws Exception {
    ParamValidator.Validation v = figures("{\"stability_threshold_mbps\":\"20Mbps\"}");
    assertEquals(List.of(), v.errors());
    assertEquals(20.0, v.params().number("stability_threshold_mbps"));
    assertEquals(List.of("tasks[0].stability_threshold_mbps: read a string \"20Mbps\" as the number 20 Mbps"
        + " (send a JSON number to avoid this warning)"), v.warnings());
    assertEquals(20.0, figures("{\"stability_threshold_mbps\":\" 20 mbps \"}").params().number("stability_threshold_mbps"));
  }

  @Test
  void unitsOfOneQuantityAreConverted() throws Exception {
    ParamValidator.Validation v = figures("{\"stability_threshold_bps\":\"20Mbps\",\"duration_minutes\":\"90s\","
        + "\"omit_seconds\":\"1min\",\"connect_timeout\":\"2500ms\"}");
    assertEquals(List.of(), v.errors());
    assertEquals(2e7, v.params().number("stability_threshold_bps"));
    assertEquals(1.5, v.params().number("duration_minutes"));
    assertEquals(60, v.params().integer("omit_seconds"));
    assertEquals(2.5, v.params().number("connect_timeout"));
    assertEquals(4, v.warnings().size(), v.warnings().toString());
  }

  @Test
  void aBareNumberInAStringIsReadForAnyNumericParameter() throws Exception {
    ParamValidator.Validation v = figures("{\"ratio\":\"1.5\",\"count\":\"4\",\"duration_minutes\":\"0.05\"}");
    assertEquals(List.of(), v.errors());
    assertEquals(1.5, v.params().number("ratio"));
    assertEquals(4, v.params().integer("count"));
    assertEquals(0.05, v.params().number("duration_minutes"));
    assertTrue(v.warnings().contains("tasks[0].ratio: read a string \"1.5\" as the number 1.5 (send a JSON number to"
        + " avoid this warning)"), v.warnings().toString());
  }

  @Test
  void aUnitThatDoesNotMatchIsStillAPlanErrorWithItsPath() throws Exception {
    List<String> e = figures("{\"stability_threshold_mbps\":\"20s\",\"count\":\"4Mbps\",\"omit_seconds\":\"2.5\","
        + "\"ratio\":\"5 fast\",\"duration_minutes\":\"3 parsecs\"}").errors();
    assertEquals(List.of(
        "tasks[0].stability_threshold_mbps: expected a number in Mbps, got a string \"20s\" (s is not a bit rate)",
        "tasks[0].duration_minutes: expected a number in min, got a string \"3 parsecs\" (unknown unit \"parsecs\")",
        "tasks[0].omit_seconds: expected an integer in s, got a string \"2.5\"",
        "tasks[0].count: expected an integer, got a string \"4Mbps\" (this parameter takes no unit)",
        "tasks[0].ratio: expected a number, got a string \"5 fast\""), e);
  }

  @Test
  void aSpelledNumberMeetsTheSameRange() throws Exception {
    assertEquals(List.of("tasks[0].count: expected at most 100, got 200 (read from a string \"200\")"),
        figures("{\"count\":\"200\"}").errors());
    assertEquals(List.of("tasks[0].omit_seconds: expected at most 600, got 3600 (read from a string \"1h\")"),
        figures("{\"omit_seconds\":\"1h\"}").errors());
  }

  @Test
  void enumeratedWordsInAnotherCaseAreReadAsDeclared() throws Exception {
    ParamValidator.Validation v = figures("{\"protocol\":\"TCP\",\"actions\":[\"CheckHealth\",\"scanhealth\"]}");
    assertEquals(List.of(), v.errors());
    assertEquals("tcp", v.params().string("protocol"));
    assertEquals(List.of("checkhealth", "scanhealth"), v.params().stringList("actions"));
    assertEquals(List.of("tasks[0].protocol: read \"TCP\" as \"tcp\"",
        "tasks[0].actions[0]: read \"CheckHealth\" as \"checkhealth\""), v.warnings());
  }

  @Test
  void valuesAsDeclaredGiveNoWarning() throws Exception {
    ParamValidator.Validation v = figures("{\"stability_threshold_mbps\":20,\"count\":4,\"protocol\":\"udp\"}");
    assertEquals(List.of(), v.errors());
    assertEquals(List.of(), v.warnings());
  }

  @Test
  void structureStaysStrict() throws Exception {
    List<String> e = figures("{\"count\":true,\"ratio\":[1],\"protocol\":\"ftp\"}").errors();
    assertEquals(List.of("tasks[0].count: expected an integer, got true", "tasks[0].ratio: expected a number, got an array",
        "tasks[0].protocol: expected one of tcp, udp, got \"ftp\""), e);
  }

  @Test
  void unitsFollowTheNameOrTheDeclaration() {
    assertEquals("ms", ParamSpec.number("timeout_ms", "").unit().orElseThrow().symbol());
    assertEquals("min", ParamSpec.integer("timeout_minutes", "").unit().orElseThrow().symbol());
    assertEquals("MB", ParamSpec.integer("memory_threshold_mb", "").unit().orElseThrow().symbol());
    assertEquals("C", ParamSpec.integer("temperature_warning_c", "").unit().orElseThrow().symbol());
    assertEquals("s", ParamSpec.number("connect_timeout", "").unit("s").unit().orElseThrow().symbol());
    assertTrue(ParamSpec.integer("count", "").unit().isEmpty());
    assertTrue(ParamSpec.string("timeout_ms", "").unit().isEmpty(), "only numbers have units");
  }
}
