package servicerunner.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import servicerunner.testing.Fixtures;

/** Report files in, one line naming the file out when they are not reports. */
class ReportLoaderTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\":                                   | not JSON at line 1",
      "[1,2]                                     | not a service-runner report: expected a JSON object",
      "{\"tasks\":[]}                            | overall_status: expected a string",
      "{\"overall_status\":\"success\"}          | results: expected an array",
      "{\"overall_status\":\"success\",\"results\":[{\"status\":\"success\"}]} | results[0]: expected an object with task_type",
      "'   '                                     | the file is empty",
      "{\"overall_status\":\"x\",\"results\":[],\"results\":[]} | not JSON"})
  void refusesWhatIsNotAReport(String content, String expected) throws Exception {
    Path f = tmp.resolve("in.json");
    Files.writeString(f, content);
    ReportLoader.BadReport e = assertThrows(ReportLoader.BadReport.class, () -> ReportLoader.load(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void namesAMissingFileAndNonUtf8Bytes() throws Exception {
    Path missing = tmp.resolve("gone.json");
    assertEquals(missing + ": file not found",
        assertThrows(ReportLoader.BadReport.class, () -> ReportLoader.load(missing)).getMessage());
    Path binary = tmp.resolve("bin.json");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertTrue(assertThrows(ReportLoader.BadReport.class, () -> ReportLoader.load(binary)).getMessage().contains("not UTF-8"));
  }

  @Test
  void readsAReportSavedWithABomAndKeepsItsText() throws Exception {
    String text = Files.readString(Fixtures.path("reports", "reception-02.json"));
    Path f = tmp.resolve("bom.json");
    Files.write(f, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    ReportView r = ReportLoader.load(f);
    assertEquals("RECEPTION-02", r.hostname());
    assertEquals(text.strip(), r.text());
  }

  @Test
  void ordersWorstFirst() throws Exception {
    List<ReportView> all = new java.util.ArrayList<>();
    for (String n : List.of("reception-02", "front-desk-01", "lab-pc-07")) {
      all.add(ReportLoader.load(Fixtures.path("reports", n + ".json")));
    }
    all.sort(ReportView.WORST_FIRST);
    assertEquals(List.of("lab-pc-07.json", "FRONT-DESK-01", "RECEPTION-02"),
        all.stream().map(ReportView::hostname).collect(Collectors.toList()));
  }
}
