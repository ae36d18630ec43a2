package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

class WindowsUpdateTaskTest {
  private final WindowsUpdateTask type = new WindowsUpdateTask();

  @Test
  void paramErrorsNameTheField() {
    assertEquals(List.of("tasks[0].accept_all: expected true or false, got a string \"yes\""),
        WinToolsTesting.errors(type, "{\"accept_all\":\"yes\"}"));
  }

  @Test
  void scriptGetsTheFlagsAndIsAscii() throws Exception {
    var p = Declared.params(type.params(), "{\"microsoft_update\":false}");
    String script = WindowsUpdateTask.script(p);
    assertTrue(script.contains("$MicrosoftUpdate = $false"));
    assertTrue(script.contains("$AcceptAll = $true"));
    assertFalse(script.contains("__"), "unfilled placeholder");
    assertTrue(script.chars().allMatch(c -> c < 128), "script must be ASCII");
    // progress must reach stdout line by line: Write-Host would not be captured by the reference's reader (B16)
    assertFalse(script.contains("Write-Host"));
  }
}
