package servicerunner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AsciiTest {

  @Test
  void escapesNonAsciiAndControlCharacters() {
    assertEquals("caf\\u00e9 \\u2014 ok", Ascii.escape("café — ok"));
    assertEquals("a b", Ascii.escape("a\nb"));
    assertEquals("bell\\u0007", Ascii.escape("bell\u0007"));
  }

  @Test
  void freeTextCanNeverStartLikeAMarker() {
    assertEquals("  TASK_OK:0:x", Ascii.freeText("TASK_OK:0:x"));
    assertEquals("  RUN_STOPPED:x", Ascii.freeText("RUN_STOPPED:x"));
    assertEquals("Task ping took 1 s", Ascii.freeText("Task ping took 1 s"));
  }

  @Test
  void reasonsAreOneBoundedLine() {
    assertEquals("unable to connect Troubleshooting: \\u2022 check", Ascii.reason("unable to connect\n\nTroubleshooting:\n\u2022 check", 100));
    assertEquals("aaaaaa...", Ascii.reason("a".repeat(50), 9));
    assertEquals("Unknown error", Ascii.reason("  ", 9));
  }
}
