package servicerunner.task.systemrestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.ParamSpec;
import servicerunner.testing.Declared;

class SystemRestoreTaskTest {
  private static final List<ParamSpec> PARAMS = new SystemRestoreTask().params();

  @Test
  void argvIsPowershellCheckpointComputer() {
    assertEquals(List.of("powershell.exe", "-NoProfile", "-ExecutionPolicy", "Bypass", "-Command",
            "Checkpoint-Computer -Description 'Before update' -RestorePointType 'MODIFY_SETTINGS'"),
        SystemRestoreTask.argv("powershell.exe",
            SystemRestoreTask.checkpointCommand("Before update", "MODIFY_SETTINGS")));
  }

  @Test
  void descriptionIsQuotedSafely() {
    assertEquals("'it''s Bob''s PC'", SystemRestoreTask.psQuote("it's Bob's PC"));
    // PowerShell also closes single-quoted strings at typographic quotes: doubled too
    assertEquals("'a\u2019\u2019b \u2018\u2018c'", SystemRestoreTask.psQuote("a\u2019b \u2018c"));
    // double quotes and control characters would break the -Command argument on the Windows command line
    assertEquals("'x; Remove-Item C:\\ -Recurse'", SystemRestoreTask.psQuote("x\"; Remove-Item C:\\ -Recurse\r\n"));
    assertEquals("''' ; calc ; '''", SystemRestoreTask.psQuote("' ; calc ; '"));
  }

  @Test
  void defaultDescriptionIsAscii() {
    String d = SystemRestoreTask.description(Declared.validate(PARAMS, "{}").params());
    assertTrue(d.startsWith("AutoService restore point 20"), d);
    assertTrue(d.chars().allMatch(c -> c < 0x80), d);
  }

  @Test
  void validation() {
    assertTrue(Declared.validate(PARAMS, "{\"restore_point_type\":\"FULL\"}").errors().get(0)
        .startsWith("tasks[0].restore_point_type: expected one of APPLICATION_INSTALL"));
    assertTrue(Declared.validate(PARAMS, "{\"description\":5}").errors().get(0).startsWith("tasks[0].description: expected a string"));
  }
}
