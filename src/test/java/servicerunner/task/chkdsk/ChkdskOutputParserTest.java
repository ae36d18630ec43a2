package servicerunner.task.chkdsk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.ToolOutputCase;

class ChkdskOutputParserTest {

  /** The mode comes from the file name: readonly-*, fix-*, comprehensive-*. */
  static TaskOutcome parse(ToolOutputCase c, boolean scheduleIfBusy) {
    String prefix = c.name().substring(0, c.name().indexOf('-'));
    String mode = prefix.equals("readonly") ? "read_only" : prefix.equals("fix") ? "fix_errors" : "comprehensive";
    return ChkdskOutputParser.parse(c.bytes(), c.charset(), c.exitCode(),
        new ChkdskOutputParser.Request("C:", mode, scheduleIfBusy || c.name().contains("scheduled")));
  }

  static TaskOutcome parse(String file) {
    return parse(ToolOutputCase.of(Fixtures.path("tool-output", "chkdsk_scan", file)), false);
  }

  @Test
  void readOnlyCleanRunWithSizesAndDuration() {
    ObjectNode s = parse("readonly-en-clean.rc0.cp437").summary();
    assertTrue(s.path("found_no_problems").asBoolean());
    assertEquals(685495315L, s.path("total_disk_kb").asLong());
    assertEquals(568247668L, s.path("available_kb").asLong());
    assertEquals(0, s.path("bad_sectors_kb").asLong());
    assertEquals(1030075L, s.path("system_use_kb").asLong());
    assertEquals(172.98, s.path("duration_seconds").asDouble(), 1e-9);
    assertEquals("NTFS", s.path("filesystem_type").asText());
    assertFalse(s.path("output").asText().contains("\r"), "CR redraws collapsed to their last state");
    assertTrue(s.path("output").asText().contains("Progress: 897280 of 897280 done"));
  }

  @Test
  void bigVolumeMbLinesAreConvertedToKb() {
    ObjectNode s = parse("readonly-en-big-volume-mb.rc0.cp437").summary();
    assertEquals(3815245L * 1024, s.path("total_disk_kb").asLong());
    assertEquals(832409L * 1024, s.path("available_kb").asLong());
    assertEquals(772468L, s.path("system_use_kb").asLong());
  }

  @Test
  void problemsInReadOnlyModeAreAWarningToRunFix() {
    TaskOutcome o = parse("readonly-en-found-problems.rc3.cp437");
    assertEquals(Status.WARNING, o.status());
    assertTrue(o.summary().path("errors_found").asBoolean());
    assertTrue(o.summary().path("warning").asText().contains("fix_errors"));
  }

  @Test
  void volumeInUse() {
    TaskOutcome notScheduled = parse("fix-en-in-use.rc3.cp437");
    assertEquals(Status.WARNING, notScheduled.status());
    assertTrue(notScheduled.summary().path("volume_in_use").asBoolean());
    assertTrue(notScheduled.summary().path("prompted_schedule_or_dismount").asBoolean());
    assertFalse(notScheduled.summary().path("scheduled").asBoolean());
    TaskOutcome scheduled = parse("fix-en-in-use-scheduled.rc0.cp437");
    assertEquals(Status.SUCCESS, scheduled.status());
    assertTrue(scheduled.summary().path("scheduled").asBoolean());
  }

  @Test
  void notAdminAndInvalidDriveAreErrors() {
    TaskOutcome denied = parse("readonly-en-not-admin.rc3.cp437");
    assertEquals(Status.ERROR, denied.status());
    assertTrue(denied.summary().path("access_denied").asBoolean());
    TaskOutcome invalid = parse("readonly-en-invalid-drive.rc3.cp437");
    assertEquals(Status.ERROR, invalid.status());
    assertTrue(invalid.summary().path("invalid_drive").asBoolean());
  }

  @Test
  void germanCp850() {
    ObjectNode fixed = parse("fix-de-fixed.rc1.cp850").summary();
    assertTrue(fixed.path("made_corrections").asBoolean());
    assertEquals(1412699840L, fixed.path("total_disk_kb").asLong());
    assertEquals(649084268L, fixed.path("available_kb").asLong());
    assertEquals(600244L, fixed.path("system_use_kb").asLong());
    assertTrue(fixed.path("output").asText().contains("Windows hat Probleme im Dateisystem behoben."));
    assertTrue(parse("fix-de-clean.rc0.cp850").summary().path("found_no_problems").asBoolean());
  }

  @Test
  void unrecognisedTextFallsBackToTheDocumentedExitCodes() {
    byte[] text = "Ein unbekannter Text.\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ChkdskOutputParser.Request req = new ChkdskOutputParser.Request("D:", "fix_errors", false);
    assertEquals(Status.SUCCESS, ChkdskOutputParser.parse(text, ToolOutputCase.charset("cp850"), 1, req).status());
    assertEquals(Status.WARNING, ChkdskOutputParser.parse(text, ToolOutputCase.charset("cp850"), 2, req).status());
    assertEquals(Status.ERROR, ChkdskOutputParser.parse(text, ToolOutputCase.charset("cp850"), 3, req).status());
  }

  @Test
  void rendererFields() {
    ObjectNode s = parse("readonly-en-clean.rc0.cp437").summary();
    for (String f : List.of("drive", "mode", "output")) {
      RendererFields.assertField(s, f, JsonNodeType.STRING);
    }
    for (String f : List.of("found_no_problems", "made_corrections", "volume_in_use", "prompted_schedule_or_dismount",
        "scheduled")) {
      RendererFields.assertField(s, f, JsonNodeType.BOOLEAN);
    }
    for (String f : List.of("return_code", "duration_seconds", "total_disk_kb", "available_kb", "bad_sectors_kb",
        "system_use_kb")) {
      RendererFields.assertField(s, f, JsonNodeType.NUMBER);
    }
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
  }
}
