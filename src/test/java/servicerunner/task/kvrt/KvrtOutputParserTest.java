package servicerunner.task.kvrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.exec.Decoding;
import servicerunner.testing.Fixtures;

class KvrtOutputParserTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("kvrt_scan");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void golden(Path raw) {
    Fixtures.assertGolden(raw, KvrtOutputParser.parse(Decoding.decodeAuto(Fixtures.bytes(raw))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameResultWithLfOrCrOnly(Path raw) {
    String crlf = Decoding.decodeAuto(Fixtures.bytes(raw));
    assertEquals(KvrtOutputParser.parse(crlf), KvrtOutputParser.parse(crlf.replace("\r\n", "\n")));
    assertEquals(KvrtOutputParser.parse(crlf), KvrtOutputParser.parse(crlf.replace("\r\n", "\r")), "CR-only line ends");
  }

  @Test
  void removedCountOnlyCountsRemovingActions() {
    var s = KvrtOutputParser.parse(Decoding.decodeAuto(Fixtures.bytes(Fixtures.path("tool-output", "kvrt_scan", "threats.out"))));
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
