package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

/** What the recorded goldens do not show: DISM's weighted steps, chkdsk's older and translated forms. */
class ToolProgressParsersTest {

  @Test
  void dismWeightsItsStepsIntoOneOverallPercent() {
    ProgressParser p = DismProgress.SOURCE.parser(ProgressGoldenTest.params("actions",
        Json.array().add("checkhealth").add("ScanHealth").add("restorehealth")));
    p.processStarted(List.of("dism", "/Online", "/Cleanup-Image", "/CheckHealth"));
    ProgressReading r = p.read("[==========================100.0%==========================]");
    assertEquals("checkhealth", r.phase());
    assertEquals(100.0 / 31, r.percent(), 1e-9, "checkhealth weighs 1 of 1 + 10 + 20");
    p.processStarted(List.of("dism", "/Online", "/Cleanup-Image", "/ScanHealth"));
    r = p.read("[=====                      45,0%                          ]");
    assertEquals("scanhealth", r.phase());
    assertEquals((1 + 4.5) * 100 / 31, r.percent(), 1e-9, "a decimal comma reads as a point");
    p.processStarted(List.of("dism", "/Online", "/Cleanup-Image", "/RestoreHealth"));
    assertEquals(11.0 * 100 / 31, p.read("[                           0.0%                           ]").percent(), 1e-9,
        "the next step starts where the last ended, not at 0");
    assertEquals(100.0, p.read("[==========================100.0%==========================]").percent(), 1e-9);
    assertNull(p.read("Image Version: 10.0.19044.4046"));
  }

  @Test
  void chkdskReadsItsTotalAndEtaInAnyLanguage() {
    ProgressParser p = ChkdskProgress.SOURCE.parser(null);
    assertNull(p.read("Phase 2: Dateinamensverkn\u00fcpfung wird untersucht ..."));
    ProgressReading r = p.read("Fortschritt: 448640 von 897280 erledigt; Phase: 50 %; Gesamt: 16 %; ETA: 0:00:30 ..");
    assertEquals(16.0, r.percent());
    assertEquals("stage 2", r.phase());
    assertEquals(448640L, r.current());
    assertEquals(897280L, r.total());
    assertEquals(30L, r.etaSeconds());
  }

  @Test
  void olderChkdskStagesAreWeighted() {
    ProgressParser p = ChkdskProgress.SOURCE.parser(null);
    assertNull(p.read("CHKDSK is verifying indexes (stage 2 of 3)..."));
    ProgressReading r = p.read("  50 percent complete. (12000 of 24000 index entries processed)");
    assertEquals(50.0, r.percent(), 1e-9);
    assertEquals("stage 2 of 3", r.phase());
  }

  @Test
  void sfcReadsTheShapeNotTheWords() {
    ProgressParser p = SfcProgress.SOURCE.parser(null);
    assertEquals(45.0, p.read("Verification 45% complete.").percent());
    assertEquals(100.0, p.read("\u00dcberpr\u00fcfung 100 % abgeschlossen.").percent());
    assertNull(p.read("Windows Resource Protection did not find any integrity violations."));
    assertNull(p.read("Beginning system scan.  This process will take some time."));
  }
}
