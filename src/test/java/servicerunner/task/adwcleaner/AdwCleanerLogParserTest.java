package servicerunner.task.adwcleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class AdwCleanerLogParserTest {

  @Test
  void trailerAfterSeparatorIsNotAFinding() {
    var s = AdwCleanerLogParser.parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "adwcleaner_clean", "cleaned.rc0.utf8"))));
    assertEquals(0, s.get("preinstalled").size());
    assertFalse(s.toString().contains("Reset Winsock"));
    assertEquals(7, s.get("cleaned").asInt());
  }

  @Test
  void stopsAtEof() {
    var s = AdwCleanerLogParser.parse("# Cleaned: 1\n***** [ Files ] *****\nDeleted a\n########## EOF ##########\nDeleted b\n");
    assertEquals(1, s.get("files").size());
  }
}
