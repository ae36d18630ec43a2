package servicerunner.task;

import servicerunner.cli.TaskListing;
import servicerunner.param.ParamSpec;
import servicerunner.param.ParamCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.Declared;

/** The declared constraints (ParamCheck) and rules (ParamRule), as the one validator checks them at plan time. */
class DeclaredConstraintsTest {
  private static final TaskDeclaration T = TaskDeclaration.builder("t", "test type")
      .params(
          ParamSpec.string("host", "h").required().nonEmpty().positional().matches("\\s*\\S+\\s*", "a host name"),
          ParamSpec.stringList("argv", "a").check(ParamCheck.eachText("lower case",
              s -> s.equals(s.toLowerCase(java.util.Locale.ROOT)) ? null : "expected lower case, got \"" + s + "\"")),
          ParamSpec.stringList("devices", "d").nonEmpty().positional(),
          ParamSpec.string("encoding", "e").defaultsTo("auto").encoding(),
          ParamSpec.string("drive", "d").check(ParamCheck.drive()),
          ParamSpec.number("duration_seconds", "s").range(1.0, 60.0),
          ParamSpec.number("duration_minutes", "m").range(0.1, 1.0),
          ParamSpec.bool("headless", "h").defaultsTo(true))
      .rule("one of them is required", p -> p.has("duration_seconds") || p.has("duration_minutes"),
          "duration_seconds", "duration_minutes")
      .rule("only with headless", p -> p.bool("headless") || !p.has("duration_minutes"), "duration_minutes")
      .build();

  private static List<String> errors(String json) {
    return Declared.validate(T.params(), T.rules(), json, "tasks[2].").errors();
  }

  @Test
  void aValidTaskPasses() throws Exception {
    assertEquals(List.of(), errors("{\"host\":\" example.org \",\"argv\":[\"a\"],\"devices\":[\"/dev/sda\"],"
        + "\"encoding\":\"windows-1252\",\"drive\":\"c:\\\\\",\"duration_seconds\":5}"));
    assertEquals(List.of(), errors("{\"host\":\"h\",\"encoding\":\"OEM\",\"duration_minutes\":0.5}"));
  }

  /** Issue 11 item 4: ping "host": "-f" ran ping -f (flood) and failed as a task; now a plan error. */
  @Test
  void aPositionalValueMayNotBeginWithADash() throws Exception {
    assertEquals(List.of("tasks[2].host: may not begin with \"-\" (the tool would read it as an option), got \"-f\""),
        errors("{\"host\":\"-f\",\"duration_seconds\":5}"));
    assertEquals(List.of("tasks[2].host: may not begin with \"-\" (the tool would read it as an option), got \" -f\""),
        errors("{\"host\":\" -f\",\"duration_seconds\":5}"));
    assertEquals(List.of("tasks[2].devices[1]: may not begin with \"-\" (the tool would read it as an option), got"
        + " \"--all\""), errors("{\"host\":\"h\",\"devices\":[\"/dev/sda\",\"--all\"],\"duration_seconds\":5}"));
  }

  @Test
  void checksRunInOrderAndTheFirstProblemIsSaid() throws Exception {
    assertEquals(List.of("tasks[2].host: expected a non-empty string, got a string \"  \""),
        errors("{\"host\":\"  \",\"duration_seconds\":5}"));
    assertEquals(List.of("tasks[2].host: expected a host name, got \"a b\""),
        errors("{\"host\":\"a b\",\"duration_seconds\":5}"));
    assertEquals(List.of("tasks[2].devices: expected at least one entry, got an empty array"),
        errors("{\"host\":\"h\",\"devices\":[],\"duration_seconds\":5}"));
  }

  @Test
  void checksOnlySeeValuesOfTheDeclaredKind() throws Exception {
    assertEquals(List.of("tasks[2].host: expected a string, got the number 5"),
        errors("{\"host\":5,\"duration_seconds\":5}"));
    assertEquals(List.of("tasks[2].argv[0]: expected a string, got the number 1"),
        errors("{\"host\":\"h\",\"argv\":[1],\"duration_seconds\":5}"));
  }

  @Test
  void customChecksOfListEntriesNameTheEntry() throws Exception {
    assertEquals(List.of("tasks[2].argv[1]: expected lower case, got \"B\""),
        errors("{\"host\":\"h\",\"argv\":[\"a\",\"B\"],\"duration_seconds\":5}"));
  }

  /** Issue 11 item 4 / audit D18: "encoding": "klingon" ran and failed as a task. */
  @Test
  void encodingNamesAreJavaCharsetsOrAutoOrOem() throws Exception {
    assertEquals(List.of("tasks[2].encoding: unknown encoding \"klingon\" (expected auto, oem, utf-8, utf-16le or a"
        + " Java charset name)"), errors("{\"host\":\"h\",\"encoding\":\"klingon\",\"duration_seconds\":5}"));
    for (String ok : new String[] {"auto", "oem", "utf-8", "UTF8", "utf-16le", "unicode", "IBM850", "cp866"}) {
      assertEquals(List.of(), errors("{\"host\":\"h\",\"encoding\":\"" + ok + "\",\"duration_seconds\":5}"), ok);
    }
  }

  @Test
  void driveLettersOnly() throws Exception {
    for (String bad : new String[] {"C:\\\\Windows", "/f", "CD", ""}) {
      assertEquals(1, errors("{\"host\":\"h\",\"drive\":\"" + bad + "\",\"duration_seconds\":5}").size(), bad);
    }
  }

  @Test
  void rulesNameTheFirstParametersPathAndTheOthers() throws Exception {
    assertEquals(List.of("tasks[2].duration_seconds, duration_minutes: one of them is required"),
        errors("{\"host\":\"h\"}"));
    assertEquals(List.of("tasks[2].duration_minutes: only with headless"),
        errors("{\"host\":\"h\",\"duration_minutes\":0.5,\"headless\":false}"));
  }

  /** A rule reads validated values, so it runs only once every parameter passed its own checks. */
  @Test
  void rulesWaitForTheParametersOwnChecks() throws Exception {
    assertEquals(List.of("tasks[2].host: required, expected a string"), errors("{}"));
    assertEquals(List.of("tasks[2].duration_seconds: expected at most 60, got 61"),
        errors("{\"host\":\"h\",\"duration_seconds\":61}"));
  }

  @Test
  void theListingNamesEveryConstraint() {
    ObjectNode listed = TaskListing.describe(new DeclaredTask(T) {
      @Override
      public TaskOutcome run(TaskContext ctx) {
        throw new UnsupportedOperationException("listed, never run");
      }
    });
    assertEquals("[\"non-empty\",\"positional: may not begin with \\\"-\\\"\",\"pattern: a host name\"]",
        listed.at("/params/0/checks").toString());
    assertEquals("s", listed.at("/params/5/unit").asText());
    assertEquals(60.0, listed.at("/params/5/max").asDouble());
    assertEquals("[\"duration_seconds, duration_minutes: one of them is required\","
        + "\"duration_minutes: only with headless\"]", listed.get("rules").toString());
    assertEquals(604800, listed.get("max_timeout_seconds").asLong());
  }
}
