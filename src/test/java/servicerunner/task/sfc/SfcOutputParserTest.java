package servicerunner.task.sfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.ToolOutputCase;

class SfcOutputParserTest {

  private static TaskOutcome parse(String caseFile) {
    ToolOutputCase c = ToolOutputCase.of(Fixtures.path("tool-output", "sfc_scan", caseFile));
    return SfcOutputParser.parse(c.bytes(), new byte[0], c.exitCode(), c.name().contains("verifyonly"));
  }

  @Test
  void fixturesAreUtf16leWithoutBomAndRedrawProgressWithBareCr() {
    byte[] b = Fixtures.bytes(Fixtures.path("tool-output", "sfc_scan", "en-clean.rc0.utf16le"));
    assertFalse((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe, "no BOM");
    String text = new String(b, StandardCharsets.UTF_16LE);
    assertTrue(text.contains("Verification 1% complete.\rVerification 5% complete.\r"), "bare CR between redraws");
  }

  @Test
  void cleanScanIsSuccessWithNoViolations() {
    TaskOutcome o = parse("en-clean.rc0.utf16le");
    assertEquals(Status.SUCCESS, o.status());
    assertEquals("no_violations", o.summary().path("verdict").asText());
    assertFalse(o.summary().path("integrity_violations").asBoolean(true));
    assertEquals(100, o.summary().path("verification_percent").asInt());
  }

  @Test
  void windows7WrappedSentenceIsJoinedBeforeMatching() {
    TaskOutcome o = parse("en-repaired-win7-wrapped.rc0.utf16le");
    assertEquals("repaired", o.summary().path("verdict").asText());
    assertTrue(o.summary().path("repairs_successful").asBoolean());
  }

  @Test
  void unknownLanguageIsWarningUnknownWithRawTailNeverSuccess() {
    TaskOutcome o = parse("pt-unknown-language.rc0.utf16le");
    assertEquals(Status.WARNING, o.status());
    assertEquals("unknown", o.summary().path("verdict").asText());
    assertTrue(o.summary().path("output_tail").asText().contains("violações de integridade"));
    assertTrue(o.summary().path("integrity_violations").isNull());
  }

  @Test
  void notAdminIsAClearError() {
    TaskOutcome o = parse("en-not-admin.rc0.utf16le");
    assertEquals(Status.ERROR, o.status());
    assertTrue(o.summary().path("access_denied").asBoolean());
    assertTrue(o.summary().path("error").asText().contains("administrator"));
  }

  @Test
  void germanAndSpanishVerdictsAreParsed() {
    assertEquals("no_violations", parse("de-clean.rc0.utf16le").summary().path("verdict").asText());
    assertEquals("repaired", parse("de-repaired.rc0.utf16le").summary().path("verdict").asText());
    assertEquals("repaired", parse("es-repaired.rc0.utf16le").summary().path("verdict").asText());
    TaskOutcome pending = parse("es-pending-reboot.rc0.utf16le");
    assertEquals("repair_pending_reboot", pending.summary().path("verdict").asText());
    assertTrue(pending.summary().path("pending_reboot").asBoolean());
  }

  @Test
  void exitCodeNeverDecidesTheVerdict() {
    byte[] clean = Fixtures.bytes(Fixtures.path("tool-output", "sfc_scan", "en-clean.rc0.utf16le"));
    byte[] unknown = Fixtures.bytes(Fixtures.path("tool-output", "sfc_scan", "pt-unknown-language.rc0.utf16le"));
    for (int rc : new int[] {0, 1, 2, -1}) {
      assertEquals(Status.SUCCESS, SfcOutputParser.parse(clean, new byte[0], rc, false).status());
      assertEquals("unknown", SfcOutputParser.parse(unknown, new byte[0], rc, false).summary().path("verdict").asText());
    }
  }

  @Test
  void bomAndUtf8OutputDecodeToo() {
    String sentence = "Windows Resource Protection found corrupt files and successfully repaired them.\r\n";
    byte[] body = sentence.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xff;
    withBom[1] = (byte) 0xfe;
    System.arraycopy(body, 0, withBom, 2, body.length);
    assertEquals("repaired", SfcOutputParser.parse(withBom, null, 0, false).summary().path("verdict").asText());
    assertEquals("repaired", SfcOutputParser.parse(sentence.getBytes(StandardCharsets.UTF_8), null, 0, false)
        .summary().path("verdict").asText());
  }

  @Test
  void rendererFieldsHaveTheTypesTheAppReads() {
    for (String c : List.of("en-repaired-win10.rc0.utf16le", "en-clean.rc0.utf16le", "pt-unknown-language.rc0.utf16le")) {
      ObjectNode s = parse(c).summary();
      RendererFields.assertField(s, "integrity_violations", JsonNodeType.BOOLEAN, JsonNodeType.NULL);
      RendererFields.assertField(s, "repairs_attempted", JsonNodeType.BOOLEAN);
      RendererFields.assertField(s, "repairs_successful", JsonNodeType.BOOLEAN, JsonNodeType.NULL);
      RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
      RendererFields.assertField(s, "human_readable.notes", JsonNodeType.ARRAY);
      RendererFields.assertField(s, "return_code", JsonNodeType.NUMBER);
    }
    ObjectNode repaired = parse("en-repaired-win10.rc0.utf16le").summary();
    assertTrue(repaired.path("integrity_violations").asBoolean());
    assertTrue(repaired.path("repairs_attempted").asBoolean());
  }
}
