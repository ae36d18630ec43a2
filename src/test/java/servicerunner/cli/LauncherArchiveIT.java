package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.RunnerProcess;

/**
 * The launcher's class archive is used by the JVM, not only found by the launcher: the JVM drops an archive whose
 * jar has another modification time, so a jar rebuilt with the same bytes (as `mvn verify` does) must get an archive
 * of its own. Before, it kept the old one and every start loaded all classes from the jar.
 */
class LauncherArchiveIT {
  @TempDir Path dir;

  /** Runs an empty plan through the launcher, training in the foreground; returns the class-load log. */
  private List<String> run(Path jar, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(Path.of("runner/service-runner").toAbsolutePath().toString(),
        "{\"tasks\":[]}").redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile());
    pb.environment().put("SERVICE_RUNNER_JAR", jar.toString());
    pb.environment().put("SERVICE_RUNNER_CACHE", dir.resolve("cache").toString());
    pb.environment().put("SERVICE_RUNNER_TRAIN", "foreground");
    pb.environment().put("SERVICE_RUNNER_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve(name + ".out")));
    return Files.readAllLines(log);
  }

  private static String sourceOfMain(List<String> log) {
    return log.stream().filter(l -> l.contains(" servicerunner.cli.Main ")).findFirst().orElse("Main not loaded");
  }

  @Test
  void aJarRebuiltWithTheSameBytesGetsAnArchiveTheJvmUses() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    Path jar = Files.copy(RunnerProcess.jarPath(), dir.resolve("service-runner.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    assertTrue(sourceOfMain(run(jar, "first")).contains("shared objects file"), "trained, then used");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    String main = sourceOfMain(run(jar, "rebuilt"));
    assertTrue(main.contains("shared objects file"), main);
  }
}
