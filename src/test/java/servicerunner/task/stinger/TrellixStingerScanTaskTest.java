package servicerunner.task.stinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.exec.ProcessSpec;
import servicerunner.param.Params;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

class TrellixStingerScanTaskTest {
  private final TrellixStingerScanTask type = new TrellixStingerScanTask();

  private Params params(String json) {
    return Declared.validate(type.params(), json).params();
  }

  @Test
  void paramErrorsNameTheField() {
    List<String> e = WinToolsTesting.errors(type, "{\"executable_path\":\"s\",\"action\":\"clean\",\"timeout_minutes\":0}");
    assertEquals(List.of("tasks[0].action: expected one of delete, report, got \"clean\"",
        "tasks[0].timeout_minutes: expected at least 1, got 0"), e);
  }

  @Test
  void smartScanArgv() throws Exception {
    assertEquals(List.of("--GO", "--SILENT", "--REPORTPATH=/logs", "--DELETE"),
        TrellixStingerScanTask.arguments(params("{\"executable_path\":\"s\"}"), Path.of("/logs")));
  }

  @Test
  void folderScanArgv() throws Exception {
    assertEquals(List.of("--GO", "--SILENT", "--REPORTPATH=/logs", "--SCANPATH=C:\\Users", "--NOBOOT", "--NOPROCESS",
        "--NOREGISTRY", "--NOROOTKIT", "--NOWMI", "--NOSUB", "--REPORTONLY", "--PROGRAM", "--RPTALL"),
        TrellixStingerScanTask.arguments(params("{\"executable_path\":\"s\",\"scan_path\":\"C:\\\\Users\","
            + "\"scan_subdirectories\":false,\"action\":\"report\",\"include_pups\":true,\"additional_args\":[\"--RPTALL\"]}"),
            Path.of("/logs")));
  }

  @Test
  void toolTimeoutDefaultsToThirtyMinutes() throws Exception {
    assertEquals(Duration.ofMinutes(30), TrellixStingerScanTask.toolTimeout(params("{\"executable_path\":\"s\"}")));
    assertEquals(Duration.ofMinutes(90), TrellixStingerScanTask.toolTimeout(params("{\"executable_path\":\"s\",\"timeout_minutes\":90}")));
    assertTrue(type.defaultTimeout().compareTo(Duration.ofMinutes(1440)) > 0, "outer cap must not cut timeout_minutes");
  }

  /** The tool's own limit (timeout_minutes), not the plan's timeout_seconds, is the limit the process runs under. */
  @Test
  void invocationRunsUnderTimeoutMinutes(@TempDir Path logs) throws Exception {
    ProcessSpec spec = type.invocation(params("{\"executable_path\":\"" + WinToolsTesting.fakeTool("win-tools-stinger")
        + "\",\"timeout_minutes\":7,\"logs_dir\":\"" + logs + "\"}"), null);
    assertEquals(Duration.ofMinutes(7), spec.timeout());
    assertEquals(Path.of("fixtures/fake-tools").toAbsolutePath().normalize(), spec.cwd());
  }
}
