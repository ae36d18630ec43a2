package servicerunner.task.diskspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RendererFields;

class DiskSpaceReportTest {
  static final long GIB = 1024L * 1024 * 1024;

  static DiskSpaceReport.Volume vol(String drive, long totalGib, double freeGib) {
    long free = (long) (freeGib * GIB);
    return new DiskSpaceReport.Volume(drive, drive, null, "NTFS", totalGib * GIB, free, free);
  }

  @Test
  void thresholdsAndVerdict() {
    ObjectNode s = DiskSpaceReport.build(List.of(vol("C:\\", 100, 5), vol("D:\\", 200, 30), vol("E:\\", 50, 40)), 80, 90);
    assertEquals(95.0, s.at("/drives/0/usage_percent").asDouble());
    assertEquals(85.0, s.at("/drives/1/usage_percent").asDouble());
    assertEquals(List.of("C:\\ is 95.0% full, only 5.0 GB free (critical)", "D:\\ is 85.0% full, 30.0 GB free"),
        List.of(s.at("/human_readable/warnings/0").asText(), s.at("/human_readable/warnings/1").asText()));
    assertEquals(2, s.at("/human_readable/warnings").size());
    assertEquals("1 drive(s) critically full", s.at("/human_readable/verdict").asText());
    assertEquals("C:\\: 95.0 GB used of 100.0 GB (95.0%), 5.0 GB free", s.at("/human_readable/summary/0").asText());
  }

  @Test
  void exactlyAtTheThresholdIsNoWarning() {
    ObjectNode s = DiskSpaceReport.build(List.of(vol("/", 100, 20)), 80, 90);
    assertEquals(0, s.at("/human_readable/warnings").size(), "the reference warns above 80%, not at it");
    assertEquals("all 1 drive(s) have enough free space", s.at("/human_readable/verdict").asText());
  }

  @Test
  void usedCountsTheRootReserveAndFreeIsWhatAUserCanWrite() {
    // like df: total 100, unallocated 20, writable by users 15 (5 reserved for root)
    ObjectNode s = DiskSpaceReport.build(List.of(new DiskSpaceReport.Volume("/", "/", "/dev/vda", "ext4", 100 * GIB,
        20 * GIB, 15 * GIB)), 80, 90);
    assertEquals(80.0, s.at("/drives/0/used_gb").asDouble());
    assertEquals(15.0, s.at("/drives/0/free_gb").asDouble());
    assertEquals(84.2, s.at("/drives/0/usage_percent").asDouble(), "80 / (80 + 15), as df's Use%");
  }

  @Test
  void noDrivesIsAnError() {
    ObjectNode s = DiskSpaceReport.build(List.of(), 80, 90);
    assertEquals("No drives found", s.get("error").asText());
  }

  /** Fields the app's disk space renderer reads (contract section 6). */
  @Test
  void rendererFields() {
    ObjectNode s = DiskSpaceReport.build(List.of(vol("C:\\", 100, 5)), 80, 90);
    RendererFields.assertField(s, "drives[0].drive", JsonNodeType.STRING);
    RendererFields.assertField(s, "drives[0].total_gb", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "drives[0].used_gb", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "drives[0].usage_percent", JsonNodeType.NUMBER);
    RendererFields.assertField(s, "human_readable.warnings", JsonNodeType.ARRAY);
    RendererFields.assertField(s, "human_readable.warnings[0]", JsonNodeType.STRING);
    RendererFields.assertField(s, "human_readable.verdict", JsonNodeType.STRING);
  }
}
