package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * The Windows Job Objects cost a Linux runner nothing: neither they nor JNA's Windows part are ever loaded (class-load
 * log). JNA itself is, for the Linux spawner ({@link NativeSpawn}).
 */
class JobObjectsIT {
  @TempDir Path tmp;

  @Test
  void aLinuxRunLoadsNeitherTheJobObjectsNorJnasWindowsPart() throws Exception {
    assumeTrue(!Platform.current().isWindows());
    Path log = tmp.resolve("classes.log");
    RunResult r = RunnerProcess.jar("[{\"type\":\"command\",\"command\":[\"sh\",\"-c\",\"sleep 5 & echo ok\"],"
            + "\"timeout_seconds\":1},{\"type\":\"command\",\"command\":[\"sleep\",\"5\"],\"timeout_seconds\":1}]")
        .jvmOption("-Xlog:class+load=info:file=" + log).run().assertExit(0).assertProtocolClean();
    assertNotEquals("job_object", r.report().get("tree_guard").asText());
    List<String> loaded = Files.readAllLines(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains("servicerunner.exec.ProcessTreeKiller ")),
        "the log lists the runner's classes (a tree was killed)");
    assertFalse(loaded.stream().anyMatch(l -> l.contains("WindowsJobObjects") || l.contains("com.sun.jna.win32")),
        String.join("\n", loaded.stream().filter(l -> l.contains("win32") || l.contains("Windows")).toList()));
    assertEquals("timed_out", r.report().at("/results/1/summary/human_readable/verdict").asText(""),
        r.report().at("/results/1").toString());
  }
}
