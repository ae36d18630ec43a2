package servicerunner.task.drivecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class DriveCleanupOutputParserTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("drivecleanup_clean");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, DriveCleanupOutputParser.parse(Decoding.decodeAuto(Fixtures.bytes(raw)), 200));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameResultWithLfOrCrOnly(Path raw) {
    String crlf = Decoding.decodeAuto(Fixtures.bytes(raw));
    assertEquals(DriveCleanupOutputParser.parse(crlf, 200), DriveCleanupOutputParser.parse(crlf.replace("\r\n", "\n"), 200));
    assertEquals(DriveCleanupOutputParser.parse(crlf, 200), DriveCleanupOutputParser.parse(crlf.replace("\r\n", "\r"), 200), "CR-only line ends");
  }

  @Test
  void itemsAreCappedButCounted() {
    var s = DriveCleanupOutputParser.parse(
        Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "drivecleanup_clean", "removed.out"))), 2);
    assertEquals(2, s.get("removed_items").size());
    assertEquals(6, s.get("removed_items_total").asInt());
    assertTrue(s.get("removed_items_truncated").asBoolean());
  }
}
