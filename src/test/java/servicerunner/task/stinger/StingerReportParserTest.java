package servicerunner.task.stinger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class StingerReportParserTest {

  @Test
  void entitiesAreDecodedInPaths() {
    var s = StingerReportParser.parse(Decoding.decodeAuto(Fixtures.bytes(
        Fixtures.path("tool-output", "trellix_stinger_scan", "infected.rc0.utf8"))));
    assertEquals("C:\\Users\\tech\\AppData\\Local\\Temp\\tmp & co\\drop.dll",
        s.get("infections").get(1).get("file_path").asText());
  }
}
