package servicerunner.task.drivecleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;
import servicerunner.task.wintools.WinToolsTesting;

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
    ObjectNode given = (ObjectNode) Json.parse(
        "{\"executable_path\":\"x\",\"test_only\":true,\"categories\":[\"reg\",\"u\",\"volume\"],\"hubs_only\":true}");
    var params = ParamValidator.validate(type.params(), given, n -> n).params();
    assertEquals(List.of("-t", "-n", "-v", "-u", "-h", "-r"), new DriveCleanupCleanTask().arguments(params));
  }

  @Test
  void noCategoryMeansCleanupAll() throws Exception {
    var params = ParamValidator.validate(type.params(), (ObjectNode) Json.parse("{\"executable_path\":\"x\"}"), n -> n).params();
    assertEquals(List.of("-n"), new DriveCleanupCleanTask().arguments(params));
  }
}
