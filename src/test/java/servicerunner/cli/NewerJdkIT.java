package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/** The jar is built for Java 17 but must run on the JDK 25 that technicians' machines carry. */
class NewerJdkIT {

  @Test
  void runsOnJdk25() throws Exception {
    Path java = null;
    try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
      java = jvms.filter(p -> p.getFileName().toString().contains("25")).map(p -> p.resolve("bin/java"))
          .filter(Files::isExecutable).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      // no /usr/lib/jvm
    }
    assumeTrue(java != null, "no JDK 25 under /usr/lib/jvm");
    RunResult r = RunnerProcess.jar("[{\"type\":\"command\",\"command\":[\"echo\",\"ok\"]},{\"type\":\"nope\"}]")
        .java(java).run().assertExit(0).assertProtocolClean();
    assertEquals("success", r.report().get("overall_status").asText());
    assertEquals("TASK_OK:0:command", r.taskMarkers().get(1));
  }
}
