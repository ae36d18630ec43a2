package servicerunner.task.winsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class WinsatDiskTaskTest {
  private List<String> errors(String json) {
    try {
      return WinsatDiskTask.DECLARATION.validate((ObjectNode) Json.parse(json), n -> "tasks[0]." + n).errors();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void argvPerModeWithTheRealFlushFlag() {
    assertEquals(List.of("winsat", "disk", "-drive", "c"), WinsatDiskTask.argv("winsat", "c", "full"));
    assertEquals(List.of("winsat", "disk", "-ran", "-read", "-drive", "d"), WinsatDiskTask.argv("winsat", "d", "random_read"));
    assertEquals(List.of("winsat", "disk", "-seq", "-read", "-drive", "c"), WinsatDiskTask.argv("winsat", "c", "sequential_read"));
    assertEquals(List.of("winsat", "disk", "-seq", "-write", "-drive", "c"), WinsatDiskTask.argv("winsat", "c", "sequential_write"));
  }

  /** B22: the reference ran "winsat disk flush -drive X"; the flag is -flush. */
  @Test
  void b22FlushModeUsesDashFlush() {
    assertEquals(List.of("winsat", "disk", "-flush", "-drive", "c"), WinsatDiskTask.argv("winsat", "c", "flush"));
  }

  @Test
  void validation() {
    assertEquals(List.of(), errors("{\"drive\":\"d:\",\"test_mode\":\"flush\"}"));
    assertTrue(errors("{\"test_mode\":\"turbo\"}").get(0).startsWith("tasks[0].test_mode: expected one of full"));
    assertTrue(errors("{\"drive\":\"cd\"}").get(0).startsWith("tasks[0].drive: expected a drive letter"));
  }
}
