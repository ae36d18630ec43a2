package servicerunner.task.drivecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class DriveCleanupOutputParserTest {

  @Test
  void itemsAreCappedButCounted() {
    var s = DriveCleanupOutputParser.parse(
        Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "drivecleanup_clean", "removed.rc0.utf8"))), 2);
    assertEquals(2, s.get("removed_items").size());
    assertEquals(6, s.get("removed_items_total").asInt());
    assertTrue(s.get("removed_items_truncated").asBoolean());
  }
}
