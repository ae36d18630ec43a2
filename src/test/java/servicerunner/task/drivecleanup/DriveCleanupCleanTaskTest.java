package servicerunner.task.drivecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

class DriveCleanupCleanTaskTest {
  private final DriveCleanupCleanTask type = new DriveCleanupCleanTask();

  @Test
  void paramErrorsNameTheField() {
    List<String> e = WinToolsTesting.errors(type, "{\"executable_path\":\"x\",\"categories\":[\"usb\",\"printers\"],\"max_items\":0}");
    assertEquals(2, e.size(), e.toString());
    assertTrue(e.get(0).startsWith("tasks[0].categories[1]: expected one of volumes"), e.toString());
    assertEquals("tasks[0].max_items: expected at least 1, got 0", e.get(1));
  }

  @Test
  void aliasesAndOnlySwitchesBecomeFlagsInOrder() throws Exception {
    var params = Declared.params(type.params(),
        "{\"executable_path\":\"x\",\"test_only\":true,\"categories\":[\"reg\",\"u\",\"volume\"],\"hubs_only\":true}");
    assertEquals(List.of("-t", "-n", "-v", "-u", "-h", "-r"), new DriveCleanupCleanTask().arguments(params));
  }

  @Test
  void noCategoryMeansCleanupAll() throws Exception {
    var params = Declared.params(type.params(), "{\"executable_path\":\"x\"}");
    assertEquals(List.of("-n"), new DriveCleanupCleanTask().arguments(params));
  }
}
