package servicerunner.task.chkdsk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class ChkdskScanTaskTest {
  private List<String> errors(String json) {
    try {
      return ChkdskScanTask.DECLARATION.validate((ObjectNode) Json.parse(json), n -> "tasks[0]." + n).errors();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void argvPerMode() {
    assertEquals(List.of("chkdsk", "C:"), ChkdskScanTask.argv("chkdsk", "C:", "read_only"));
    assertEquals(List.of("chkdsk", "D:", "/f"), ChkdskScanTask.argv("chkdsk", "D:", "fix_errors"));
    assertEquals(List.of("chkdsk", "D:", "/f", "/r"), ChkdskScanTask.argv("chkdsk", "D:", "comprehensive"));
  }

  @Test
  void validation() {
    assertEquals(List.of(), errors("{\"drive\":\"d\",\"mode\":\"fix_errors\",\"schedule_if_busy\":true}"));
    assertTrue(errors("{\"mode\":\"fix\"}").get(0).startsWith("tasks[0].mode: expected one of read_only"));
    assertEquals(List.of("tasks[0].drive: expected a drive letter such as \"C:\", got \"C: /x\""),
        errors("{\"drive\":\"C: /x\"}"));
    assertTrue(errors("{\"schedule_if_busy\":1}").get(0).startsWith("tasks[0].schedule_if_busy: expected true"));
  }
}
