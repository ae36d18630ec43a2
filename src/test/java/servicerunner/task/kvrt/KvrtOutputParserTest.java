package servicerunner.task.kvrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class KvrtOutputParserTest {

  @Test
  void removedCountOnlyCountsRemovingActions() {
    var s = KvrtOutputParser.parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "kvrt_scan", "threats.rc0.utf8"))));
    assertEquals(3, s.get("detections").size());
    assertEquals(1, s.get("removed_count").asInt());
    assertEquals("Delete", s.get("detections").get(0).get("action").asText());
    assertEquals("C:\\Users\\Public\\Downloads\\setup (1).exe", s.get("detections").get(0).get("object_path").asText());
  }

  @Test
  void localisedOutputIsNotRecognised() {
    assertFalse(KvrtOutputParser.parse("Обработано: 1000\r\n").get("recognised").asBoolean());
  }
}
