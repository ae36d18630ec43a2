package servicerunner.task.dism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class DismHealthCheckTaskTest {
  private List<String> errors(String json) {
    try {
      return DismHealthCheckTask.DECLARATION.validate((ObjectNode) Json.parse(json),
          n -> "tasks[1]." + n).errors();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void actionsAreCaseInsensitiveAndUnknownOnesNameTheirIndex() {
    assertEquals(List.of(), errors("{\"actions\":[\"CheckHealth\",\"SCANHEALTH\",\"/restorehealth\"]}"));
    assertEquals(List.of("tasks[1].actions[1]: unknown action \"fixhealth\", expected checkhealth, scanhealth or "
        + "restorehealth"), errors("{\"actions\":[\"checkhealth\",\"fixhealth\"]}"));
    assertTrue(errors("{\"actions\":[]}").get(0).startsWith("tasks[1].actions: expected at least one"));
    assertTrue(errors("{\"actions\":\"checkhealth\"}").get(0).startsWith("tasks[1].actions: expected an array"));
    assertTrue(errors("{\"encoding\":\"klingon\"}").get(0).startsWith("tasks[1].encoding: unknown encoding"));
  }

  @Test
  void argv() {
    assertEquals(List.of("dism", "/Online", "/Cleanup-Image", "/CheckHealth"),
        DismHealthCheckTask.argv("dism", DismAction.CHECKHEALTH));
    assertEquals(List.of("d.exe", "/Online", "/Cleanup-Image", "/RestoreHealth"),
        DismHealthCheckTask.argv("d.exe", DismAction.parse("RestoreHealth").orElseThrow()));
  }

  @Test
  void hexOfSignedExitCodes() {
    assertEquals("0x800F081F", DismStepParser.hex(-2146498529));
    assertEquals("0x000002E4", DismStepParser.hex(740));
    assertEquals("0x00000BC2", DismStepParser.hex(3010));
  }
}
