package servicerunner.task.whynotwin11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;

class WhyNotWin11CheckTaskTest {
  private final WhyNotWin11CheckTask type = new WhyNotWin11CheckTask();

  @Test
  void paramErrorsNameTheField() {
    assertEquals(List.of("tasks[0].executable_path: required, expected a string"), WinToolsTesting.errors(type, "{}"));
    assertEquals(List.of("tasks[0].output_csv: expected a string, got the number 5"),
        WinToolsTesting.errors(type, "{\"executable_path\":\"w\",\"output_csv\":5}"));
  }
}
