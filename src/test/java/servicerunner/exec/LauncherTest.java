package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Tools;

/** Launch alone: the command line, the environment, the own session, and learning the process. */
class LauncherTest {
  private final ExecutorService worker = Executors.newCachedThreadPool();

  @AfterEach
  void cleanUp() {
    worker.shutdownNow();
  }

  private DecodingStreamHandler capture() {
    return new DecodingStreamHandler(
        OutputEncoding.UTF8, null, OutputListener.NONE, BoundedCapture.DEFAULT_LIMIT, worker, Duration.ofSeconds(30),
        () -> {}, () -> {}, () -> {});
  }

  @Test
  void argumentsAreAddedAsTheyAreNeverQuotedOrSplit() {
    List<String> args = List.of("a b", "say \"hi\"", "it's", "$HOME", "*");
    assertArrayEquals(
        new String[] {"/bin/echo", "a b", "say \"hi\"", "it's", "$HOME", "*"},
        new Launcher(TreeGuard.PROCESS_TREE).commandLine(Path.of("/bin/echo"), args).toStrings());
    assertArrayEquals(
        new String[] {Launcher.SETSID.toString(), "/bin/echo", "a b", "say \"hi\"", "it's", "$HOME", "*"},
        new Launcher(TreeGuard.PROCESS_GROUP, Optional.empty()).commandLine(Path.of("/bin/echo"), args).toStrings());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void withTheNativeSpawnerNoWrapperProgramComesFirst() {
    NativeSpawn spawner = NativeSpawn.linux().orElseThrow();
    for (TreeGuard g : new TreeGuard[] {TreeGuard.PROCESS_GROUP, TreeGuard.PID_NAMESPACE}) {
      assertArrayEquals(new String[] {"/bin/echo", "a b"},
          new Launcher(g, Optional.of(spawner)).commandLine(Path.of("/bin/echo"), List.of("a b")).toStrings());
    }
  }

  @Test
  void noExtraEnvironmentInheritsTheRunnersAsIs() throws IOException {
    assertNull(Launcher.environment(Map.of()));
    Map<String, String> env = Launcher.environment(Map.of("SR_LAUNCHER_TEST", "v", "PATH", "/only/here"));
    assertEquals("v", env.get("SR_LAUNCHER_TEST"));
    assertEquals("/only/here", env.get("PATH"), "extra variables win over the runner's own");
    assertEquals(System.getenv("HOME"), env.get("HOME"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theToolSeesTheMergedEnvironmentAndItsWorkingFolder() throws IOException {
    DecodingStreamHandler out = capture();
    int exit =
        new Launcher(TreeGuard.PROCESS_TREE)
            .execute(Path.of("/bin/sh"), List.of("-c", "echo \"$SR_LAUNCHER_TEST ${HOME:+home-kept} $(pwd)\""),
                Map.of("SR_LAUNCHER_TEST", "merged"), Path.of("/tmp"), out, Thread::new, p -> {});
    assertEquals(0, exit);
    assertEquals("merged home-kept /tmp\n", out.stdout().text());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void withSetsidTheToolLeadsItsOwnSessionInTheSamePid() throws IOException {
    Tools.require("setsid");
    leadsItsOwnSession(new Launcher(TreeGuard.PROCESS_GROUP, Optional.empty()));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void withTheNativeSpawnerTheToolLeadsItsOwnSessionToo() throws IOException {
    leadsItsOwnSession(new Launcher(TreeGuard.PROCESS_GROUP, Optional.of(NativeSpawn.linux().orElseThrow())));
  }

  private void leadsItsOwnSession(Launcher launcher) throws IOException {
    DecodingStreamHandler out = capture();
    AtomicReference<Process> started = new AtomicReference<>();
    // fields 1 and 6 of /proc/<pid>/stat are the pid and the session id (sh's name holds no space)
    launcher
        .execute(Path.of("/bin/sh"), List.of("-c", "cut -d' ' -f1,6 /proc/$$/stat"), Map.of(), null, out, Thread::new,
            started::set);
    String[] pidAndSession = out.stdout().text().trim().split(" ");
    assertEquals(pidAndSession[0], pidAndSession[1], "session leader");
    assertEquals(Long.toString(started.get().pid()), pidAndSession[0], "setsid did not fork: the pid is the tool's");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void everyExitCodeIsAValueNotAnException() throws IOException {
    assertEquals(
        3, new Launcher(TreeGuard.PROCESS_TREE).execute(Path.of("/bin/sh"), List.of("-c", "exit 3"), Map.of(), null, capture(), Thread::new, p -> {}));
  }

  @Test
  void aMissingExecutableIsAnIOException() {
    assertThrows(
        IOException.class,
        () -> new Launcher(TreeGuard.PROCESS_TREE).execute(Path.of("/no/such/tool-4711"), List.of(), Map.of(), null, capture(), Thread::new, p -> {}));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theStartedHookSeesTheRunningProcessAndTheWaitLastsUntilItExits(@TempDir Path tmp) throws IOException {
    Path flag = tmp.resolve("go");
    AtomicReference<Boolean> aliveWhenSeen = new AtomicReference<>();
    // the tool runs until the hook lets it go, so the hook cannot be late
    int exit =
        new Launcher(TreeGuard.PROCESS_TREE)
            .execute(Path.of("/bin/sh"), List.of("-c", "while [ ! -e go ]; do sleep 0.01; done; exit 7"), Map.of(), tmp,
                capture(), Thread::new, p -> {
                  aliveWhenSeen.set(p.isAlive());
                  try {
                    Files.createFile(flag);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    assertTrue(aliveWhenSeen.get());
    assertEquals(7, exit);
  }
}
