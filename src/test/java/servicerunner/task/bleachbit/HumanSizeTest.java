package servicerunner.task.bleachbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HumanSizeTest {

  @Test
  void siUnitsAreBase1000() {
    assertEquals(0L, HumanSize.parse("0B"));
    assertEquals(812L, HumanSize.parse("812B"));
    assertEquals(12_300L, HumanSize.parse("12.3kB"));
    assertEquals(50_400_000L, HumanSize.parse("50.4MB"));
    assertEquals(1_250_000_000L, HumanSize.parse("1.25GB"));
    assertEquals(2_000_000_000_000L, HumanSize.parse("2TB"));
  }

  @Test
  void iecUnitsAreBase1024() {
    assertEquals(4096L, HumanSize.parse("4KiB"));
    assertEquals(2L * 1024 * 1024, HumanSize.parse("2MiB"));
    assertEquals(1_342_177_280L, HumanSize.parse("1.25GiB"));
  }

  @Test
  void decimalCommaAndSignAreTolerated() {
    assertEquals(12_300L, HumanSize.parse("12,3kB"));
    assertEquals(-4_100L, HumanSize.parse("-4.1kB"));
  }

  @Test
  void notASize() {
    assertNull(HumanSize.parse("?B"));
    assertNull(HumanSize.parse("A lot."));
    assertNull(HumanSize.parse("12 apples"));
    assertNull(HumanSize.parse(null));
  }

  @Test
  void formatsForVerdicts() {
    assertEquals("812 B", HumanSize.format(812));
    assertEquals("12.3 kB", HumanSize.format(12_300));
    assertEquals("2.1 MB", HumanSize.format(2_100_000));
    assertEquals("1.25 GB", HumanSize.format(1_250_000_000L));
  }
}
