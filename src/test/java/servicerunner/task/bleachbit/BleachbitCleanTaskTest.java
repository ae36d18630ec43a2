package servicerunner.task.bleachbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.task.Status;
import servicerunner.task.Verdict;
import servicerunner.testing.RendererFields;
import servicerunner.testing.Declared;

class BleachbitCleanTaskTest {
  private static List<String> errors(String json) {
    return Declared.errors(BleachbitCleanTask.DECLARATION.params(), json);
  }

  @Test
  void paramValidationNamesTheField() throws IOException {
    assertEquals(List.of("tasks[0].options: required, expected an array of strings"), errors("{}"));
    assertEquals(List.of("tasks[0].options: expected an array of strings, got a string \"system.tmp\""),
        errors("{\"options\":\"system.tmp\"}"));
    assertEquals(List.of("tasks[0].preview: expected true or false, got a string \"yes\""),
        errors("{\"options\":[\"system.tmp\"],\"preview\":\"yes\"}"));
    assertEquals(List.of("tasks[0].env.HOME: expected a string, got the number 1"),
        errors("{\"options\":[\"system.tmp\"],\"env\":{\"HOME\":1}}"));
    assertEquals(List.of(), errors("{\"options\":[\"system.tmp\"],\"preview\":true}"));
  }

  /** Ids that cannot be cleaner options, and an empty list, stop the plan before BleachBit starts. */
  @Test
  void malformedIdsAreNamedAtPlanTime() throws IOException {
    assertEquals(List.of(), errors("{\"options\":[\"system.tmp\",\"firefox.*\",\"winapp2_Foo-Bar.clean+1\"]}"));
    for (String bad : List.of("tmp", "a b.c", ".x", "y.", " system.tmp")) {
      assertEquals(List.of("tasks[0].options[1]: expected a cleaner.option id, got \"" + bad + "\""),
          errors("{\"options\":[\"system.tmp\",\"" + bad + "\"]}"), bad);
    }
    assertEquals(List.of("tasks[0].options: expected at least one entry, got an empty array"),
        errors("{\"options\":[]}"));
    assertEquals(List.of("tasks[0].options[0]: may not begin with \"-\" (the tool would read it as an option), got"
        + " \"--delete.x\""), errors("{\"options\":[\"--delete.x\"]}"));
  }

  @Test
  void splitsKnownAndUnknownIds() {
    Set<String> known = CleanerOptions.parseList("system.tmp\nsystem.cache\r\nfirefox.cache\n\nnoise line\n");
    assertEquals(Set.of("system.tmp", "system.cache", "firefox.cache"), known);
    CleanerOptions.Split s = CleanerOptions.split(List.of("system.tmp", "nosuch.cache", "firefox.*", "system.tmp",
        "firefox.nope"), known);
    assertEquals(List.of("system.tmp", "firefox.*"), s.valid());
    assertEquals(List.of("nosuch.cache", "firefox.nope"), s.unknown());
  }

  @Test
  void consoleExeIsPreferredBesideTheGuiExe(@TempDir Path dir) throws IOException {
    Path gui = Files.createFile(dir.resolve("bleachbit.exe"));
    assertEquals(gui.toString(), BleachbitExecutable.resolve(gui.toString(), true));
    Path console = Files.createFile(dir.resolve("bleachbit_console.exe"));
    assertEquals(console.toString(), BleachbitExecutable.resolve(gui.toString(), true));
    assertEquals(console.toString(), BleachbitExecutable.resolve(dir.toString(), true));
    assertEquals("bleachbit_console.exe", BleachbitExecutable.resolve(null, true));
    assertEquals("bleachbit", BleachbitExecutable.resolve(null, false));
  }

  private static ObjectNode decided(String stdout, int exit, List<String> unknown, Status expected) {
    ObjectNode s = BleachbitOutputParser.parse(stdout);
    s.put("stderr_excerpt", "KeyError: 'nosuch'\n");
    assertEquals(expected, BleachbitCleanTask.decide(s, exit, unknown));
    return s;
  }

  @Test
  void statusRules() {
    String ok = "Delete 4.1kB /x\n\nDisk space recovered: 4.1kB\nFiles deleted: 1\n";
    decided(ok, 0, List.of(), Status.SUCCESS);
    assertEquals("BleachBit exited with code 1: KeyError: 'nosuch'",
        decided(ok, 1, List.of(), Status.FAILURE).get("error").asText());
    assertTrue(decided("Delete 4.1kB /x\n", 0, List.of(), Status.FAILURE).get("error").asText().contains("no summary"));
    assertEquals("BleachBit reported 2 error(s)", decided(ok + "Errors: 2\n", 0, List.of(), Status.WARNING)
        .get("warning").asText());
    assertTrue(decided("Firefox cannot be cleaned because it is currently running.\n" + ok, 0, List.of(),
        Status.WARNING).get("warning").asText().contains("Firefox"));
    assertTrue(decided(ok, 0, List.of("nosuch.cache"), Status.WARNING).get("warning").asText().contains("nosuch.cache"));
    decided("No work to do. Specify options.\n", 0, List.of(), Status.SUCCESS);
  }

  @Test
  void verdictNamesWhatHappened() {
    String ok = "Delete 4.1kB /x\n\nDisk space recovered: 4.1kB\nFiles deleted: 1\n";
    assertEquals(Verdict.of("cleaned", "Recovered 4.1 kB from 1 file(s)"),
        BleachbitCleanTask.verdict(decided(ok, 0, List.of(), Status.SUCCESS), false, Status.SUCCESS));
    assertEquals(Verdict.of("problems_reported", "Recovered 4.1 kB from 1 file(s) (BleachBit reported 2 error(s))"),
        BleachbitCleanTask.verdict(decided(ok + "Errors: 2\n", 0, List.of(), Status.WARNING), false, Status.WARNING));
    ObjectNode failed = decided(ok, 1, List.of(), Status.FAILURE);
    failed.put("exit_code", 1);
    assertEquals(Verdict.of("tool_error", "BleachBit exited with code 1: KeyError: 'nosuch'"),
        BleachbitCleanTask.verdict(failed, false, Status.FAILURE));
    assertEquals("nothing_to_clean", BleachbitCleanTask.verdict(
        decided("No work to do. Specify options.\n", 0, List.of(), Status.SUCCESS), true, Status.SUCCESS).id());
  }

  @Test
  void summaryHasTheFieldsTheRendererReads() {
    ObjectNode s = BleachbitOutputParser.parse("Delete 12.3kB /x\n\nDisk space recovered: 12.3kB\nFiles deleted: 1\n"
        + "Special operations: 3\nErrors: 1\n");
    assertEquals(12_300, s.get("space_recovered_bytes").asLong());
    assertEquals(1, s.get("files_deleted").asInt());
    assertEquals(3, s.get("special_operations").asInt());
    assertEquals(1, s.get("errors").asInt());
    for (String f : List.of("space_recovered_bytes", "files_deleted", "special_operations", "errors")) {
      RendererFields.assertField(s, f, JsonNodeType.NUMBER);
    }
    assertFalse(s.get("no_work").asBoolean());
  }
}
