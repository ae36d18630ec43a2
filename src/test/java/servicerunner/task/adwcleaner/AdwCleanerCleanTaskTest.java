package servicerunner.task.adwcleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

class AdwCleanerCleanTaskTest {
  private final AdwCleanerCleanTask type = new AdwCleanerCleanTask();

  @Test
  void paramErrorsNameTheField() {
    assertEquals(List.of("tasks[0].executable_path: required, expected a string",
        "tasks[0].working_path: required, expected a string"), WinToolsTesting.errors(type, "{}"));
    assertEquals(List.of("tasks[0].clean_preinstalled: expected true or false, got a string \"yes\""),
        WinToolsTesting.errors(type, "{\"executable_path\":\"a\",\"working_path\":\"w\",\"clean_preinstalled\":\"yes\"}"));
  }

  @Test
  void argvCleanAndScan() throws Exception {
    var clean = Declared.params(type.params(),
        "{\"executable_path\":\"a\",\"working_path\":\"w\",\"clean_preinstalled\":true}");
    assertEquals(List.of("/eula", "/clean", "/noreboot", "/path", "/w", "/preinstalled"),
        AdwCleanerCleanTask.arguments(clean, Path.of("/w")));
    var scan = Declared.params(type.params(),
        "{\"executable_path\":\"a\",\"working_path\":\"w\",\"scan_only\":true}");
    assertEquals(List.of("/eula", "/scan", "/noreboot", "/path", "/w"), AdwCleanerCleanTask.arguments(scan, Path.of("/w")));
  }
}
