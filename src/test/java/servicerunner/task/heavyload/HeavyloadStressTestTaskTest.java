package servicerunner.task.heavyload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;
import servicerunner.testing.Declared;

class HeavyloadStressTestTaskTest {
  private final HeavyloadStressTestTask type = new HeavyloadStressTestTask();

  private static ParamValidator.Validation validate(String json) {
    return Declared.validate(HeavyloadStressTestTask.DECLARATION, json);
  }

  private static Params params(String json) {
    return Declared.params(HeavyloadStressTestTask.DECLARATION, json);
  }

  @Test
  void paramValidationNamesTheField() throws IOException {
    assertEquals(List.of("tasks[0].stress_cpu: expected true or false, got a string \"yes\""),
        validate("{\"stress_cpu\":\"yes\"}").errors());
    assertEquals(List.of("tasks[0].cpu_cores: expected at least 1, got 0"),
        validate("{\"stress_cpu\":true,\"cpu_cores\":0}").errors());
    assertEquals(List.of("tasks[0].duration_minutes: expected a number in min, got a string \"one\""),
        validate("{\"duration_minutes\":\"one\"}").errors());
  }

  /** Combinations the declared types cannot express are plan errors with their path, before anything runs. */
  @Test
  void combinationRulesAreCheckedAtPlanTime() throws IOException {
    assertEquals(List.of("tasks[0].stress_cpu, stress_memory, stress_disk, stress_gpu: at least one must be true"),
        Declared.errors(HeavyloadStressTestTask.DECLARATION, "{\"duration_minutes\":1}"));
    assertEquals(List.of("tasks[0].duration_minutes: required when headless is true (HeavyLoad would never end)"),
        Declared.errors(HeavyloadStressTestTask.DECLARATION, "{\"stress_cpu\":true}"));
    assertEquals(List.of("tasks[0].testfile_path: only used with stress_disk: true"),
        Declared.errors(HeavyloadStressTestTask.DECLARATION, "{\"stress_cpu\":true,\"duration_minutes\":1,\"testfile_path\":\"C:/T\"}"));
    assertEquals(List.of(), Declared.errors(HeavyloadStressTestTask.DECLARATION, "{\"stress_gpu\":true,\"headless\":false}"));
  }

  @Test
  void argvMatchesTheReference() throws IOException {
    assertEquals(List.of("HeavyLoad.exe", "/CPU", "2", "/MEMORY", "256", "/FILE", "512", "/TESTFILEPATH", "C:/Temp",
        "/DURATION", "1", "/AUTOEXIT", "/NOGUI", "/START"),
        new HeavyloadStressTestTask().argv(params("{\"duration_minutes\":1,\"stress_cpu\":true,\"cpu_cores\":2,"
            + "\"stress_memory\":true,\"memory_threshold_mb\":256,\"stress_disk\":true,\"disk_threshold_mb\":512,"
            + "\"testfile_path\":\"C:/Temp\"}")));
    // the app's minimal form: headless false, cpu + memory + gpu
    assertEquals(List.of("H.exe", "/CPU", "/MEMORY", "/GPU", "/DURATION", "1", "/AUTOEXIT", "/START"),
        new HeavyloadStressTestTask().argv(params("{\"executable_path\":\"H.exe\",\"duration_minutes\":1,"
            + "\"headless\":false,\"stress_cpu\":true,\"stress_memory\":true,\"stress_gpu\":true}")));
    assertEquals(List.of("HeavyLoad.exe", "/GPU", "/START"),
        new HeavyloadStressTestTask().argv(params("{\"headless\":false,\"stress_gpu\":true}")));
  }

  @Test
  void defaultTimeoutIsDurationPlus120Seconds() throws IOException {
    assertNull(type.defaultTimeout(), "depends on duration_minutes");
    assertEquals(Duration.ofSeconds(180), type.defaultTimeout(params("{\"duration_minutes\":1,\"stress_cpu\":true}")));
    assertEquals(Duration.ofSeconds(2 * 60 + 120),
        type.defaultTimeout(params("{\"duration_minutes\":1.5,\"stress_cpu\":true}")),
        "fractions round up to whole minutes, as /DURATION takes");
    assertNull(type.defaultTimeout(params("{\"headless\":false,\"stress_cpu\":true}")), "GUI run ended by hand");
  }
}
