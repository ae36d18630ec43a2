package servicerunner.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.testing.Declared;

/** {@code --validate} asks each tool type for the process it would start; asking must never touch the disk. */
class PlannedInvocationTest {
  @TempDir Path dir;

  private Optional<ProcessSpec> planned(String type, String exe, String folderKey, Path folder) throws IOException {
    Path tool = Files.createFile(dir.resolve(exe));
    ToolTask task = (ToolTask) TaskCatalog.find(type);
    String json = Json.object().put("executable_path", tool.toString()).put(folderKey, folder.toString()).toString();
    return task.plannedInvocation(Declared.params(task.declaration(), json));
  }

  @Test
  void typesThatPrepareFilesSayNothingAndCreateNothing() throws IOException {
    Path work = dir.resolve("adw-work");
    assertEquals(Optional.empty(), planned("adwcleaner_clean", "adwcleaner.exe", "working_path", work));
    assertFalse(Files.exists(work), "adwcleaner's working folder was created by --validate");
    Path logs = dir.resolve("stinger-logs");
    assertEquals(Optional.empty(), planned("trellix_stinger_scan", "stinger64.exe", "logs_dir", logs));
    assertFalse(Files.exists(logs), "Stinger's logs folder was created by --validate");
    Path csv = dir.resolve("wnw11").resolve("out.csv");
    assertEquals(Optional.empty(), planned("whynotwin11_check", "WhyNotWin11.exe", "output_csv", csv));
    assertFalse(Files.exists(csv.getParent()), "WhyNotWin11's CSV folder was created by --validate");
  }

  @Test
  void aTypeThatOnlyBuildsArgvSaysIt() throws IOException {
    Path drive = dir.resolve("kvrt-q");
    Optional<ProcessSpec> kvrt = planned("kvrt_scan", "KVRT.exe", "quarantine_dir", drive);
    assertTrue(kvrt.isPresent());
    assertTrue(kvrt.get().argv().contains(drive.toString()), kvrt.get().argv().toString());
    assertFalse(Files.exists(drive));
  }
}
