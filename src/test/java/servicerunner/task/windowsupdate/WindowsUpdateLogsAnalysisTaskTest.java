package servicerunner.task.windowsupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

class WindowsUpdateLogsAnalysisTaskTest {
  private final WindowsUpdateLogsAnalysisTask type = new WindowsUpdateLogsAnalysisTask();

  /** max_errors was interpolated into the script unchecked in the reference. */
  @Test
  void maxErrorsMustBeAnIntegerInRange() {
    assertEquals(List.of("tasks[0].max_errors: expected an integer, got a string \"50; Remove-Item C:\\\\ -Recurse\""),
        WinToolsTesting.errors(type, "{\"max_errors\":\"50; Remove-Item C:\\\\\\\\ -Recurse\"}"));
    assertEquals(List.of("tasks[0].max_errors: expected at most 1000, got 5000"), WinToolsTesting.errors(type, "{\"max_errors\":5000}"));
    assertEquals(List.of("tasks[0].max_errors: expected at least 1, got 0"), WinToolsTesting.errors(type, "{\"max_errors\":0}"));
    assertEquals(List.of("tasks[0].max_errors: expected an integer, got the number 2.5"), WinToolsTesting.errors(type, "{\"max_errors\":2.5}"));
    assertEquals(List.of("tasks[0].time_frame: expected one of today, week, month, all, got \"year\""),
        WinToolsTesting.errors(type, "{\"time_frame\":\"year\"}"));
  }

  @Test
  void scriptGetsValidatedValues() throws Exception {
    var p = Declared.params(type.params(), "{\"time_frame\":\"month\",\"max_errors\":7}");
    String script = WindowsUpdateLogsAnalysisTask.script(p);
    assertTrue(script.contains("$TimeFrame = 'month'"));
    assertTrue(script.contains("$MaxErrors = 7\n"));
    assertTrue(script.chars().allMatch(c -> c < 128), "script must be ASCII");
  }
}
