package servicerunner.task.whynotwin11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import servicerunner.exec.Platform;
import servicerunner.task.wintools.WinToolsTesting;

class WhyNotWin11CheckTaskTest {
  private final WhyNotWin11CheckTask type = new WhyNotWin11CheckTask();

  @Test
  void paramErrorsNameTheField() {
    assertEquals(List.of("tasks[0].executable_path: required, expected a string"), WinToolsTesting.errors(type, "{}"));
    assertEquals(List.of("tasks[0].output_csv: expected a string, got the number 5"),
        WinToolsTesting.errors(type, "{\"executable_path\":\"w\",\"output_csv\":5}"));
  }

  @Test
  void windowsOnlyWithDefaultTimeout() {
    assertEquals(Set.of(Platform.WINDOWS), type.platforms());
    assertEquals(Duration.ofMinutes(10), type.defaultTimeout());
  }
}
