package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import servicerunner.testing.Procs;

/** The Linux spawner alone: what the tool gets (descriptors, signals, environment, folder) and how its exit reads. */
@EnabledOnOs(OS.LINUX)
@Isolated // counts the JVM's pipes: no other test may start processes meanwhile
class NativeSpawnTest {
  private static final Path SH = Path.of("/bin/sh");

  private final NativeSpawn spawner = NativeSpawn.linux().orElseThrow(() -> new AssertionError(
      "the native spawner must load on this Linux (JNA native for " + System.getProperty("os.arch") + ")"));

  private static String run(SpawnedProcess p) throws IOException {
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    p.getInputStream().close();
    p.getErrorStream().close();
    return out;
  }

  @Test
  void theToolHasOnlyItsThreeStreamsNoBlockedOrIgnoredSignalAndItsOwnSession() throws IOException {
    // /proc/self is ls itself: its descriptors are 0-2 and the one it reads the folder with
    SpawnedProcess ls = spawner.start(Path.of("/bin/ls"), List.of("ls", "/proc/self/fd"), null, null, false);
    assertEquals("0\n1\n2\n3\n", run(ls));
    // grep is the spawned process itself (a shell would show its own mask while it waits for a child)
    SpawnedProcess grep = spawner.start(Path.of("/bin/grep"),
        List.of("grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"), null, null, false);
    String[] masks = run(grep).split("\n");
    // signals 1-31 (glibc keeps 32 and 33 for itself, and no program sees them)
    assertEquals(0, Long.parseUnsignedLong(masks[0].substring(8), 16) & 0x7fffffffL, masks[0]);
    assertEquals(0, Long.parseUnsignedLong(masks[1].substring(8), 16) & 0x7fffffffL, masks[1]);
    SpawnedProcess sh = spawner.start(SH, List.of("sh", "-c", "cut -d' ' -f1,6 /proc/$$/stat"), null, null, false);
    assertEquals(sh.pid() + " " + sh.pid() + "\n", run(sh), "leads its own session in its own pid");
  }

  @Test
  void environmentWorkingFolderStdinAndStderrAreTheTools(@TempDir Path tmp) throws IOException {
    SpawnedProcess p = spawner.start(SH, List.of("sh", "-c", "read x; echo \"$x $SR_SPAWN_TEST $(pwd)\"; echo oops >&2"),
        Map.of("SR_SPAWN_TEST", "set"), tmp, false);
    p.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    try (InputStream err = p.getErrorStream()) {
      assertEquals("hello set " + tmp.toRealPath() + "\n",
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("oops\n", new String(err.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(0, p.waitFor());
  }

  @Test
  void theHandleIsTheLiveProcessWhileItRunsAndAnEndedOneAfterTheReap() throws Exception {
    SpawnedProcess sleeper = spawner.start(Path.of("/bin/sleep"), List.of("sleep", "30"), null, null, false);
    ProcessHandle live = sleeper.toHandle();
    assertEquals(sleeper.pid(), live.pid());
    assertTrue(live.isAlive());
    assertTrue(live.info().command().isPresent(), "the JDK's own handle, which reads /proc");
    sleeper.destroy();
    assertEquals(128 + 15, sleeper.waitFor());
    assertFalse(live.isAlive());
    run(sleeper);

    SpawnedProcess quick = spawner.start(SH, List.of("sh", "-c", "exit 0"), null, null, false);
    run(quick); // reaped before anybody asked for its handle: its pid may be another process's by now
    ProcessHandle ended = quick.toHandle();
    assertEquals(quick.pid(), ended.pid());
    assertFalse(ended.isAlive());
    assertEquals(0, ended.descendants().count());
    assertFalse(ended.destroy());
    assertTrue(ended.info().totalCpuDuration().isEmpty());
    assertTrue(ended.onExit().isDone());
    assertSame(ended, quick.toHandle());
  }

  @Test
  void exitCodesAndSignalsReadAsTheJdksAndTheStatusIsTakenOnce() throws Exception {
    SpawnedProcess three = spawner.start(SH, List.of("sh", "-c", "exit 3"), null, null, false);
    run(three);
    assertEquals(3, three.exitValue());
    assertFalse(three.isAlive());
    assertEquals(3, three.waitFor(), "asked again, the same");
    assertTrue(three.onExit().isDone());

    SpawnedProcess sleeper = spawner.start(SH, List.of("sh", "-c", "exec sleep 30"), null, null, false);
    assertTrue(sleeper.isAlive());
    assertThrows(IllegalThreadStateException.class, sleeper::exitValue);
    assertFalse(sleeper.waitFor(50, TimeUnit.MILLISECONDS));
    sleeper.destroy();
    assertEquals(128 + 15, sleeper.waitFor());
  }

  @Test
  void aMissingProgramIsAnIOExceptionAndLeavesNoDescriptorBehind() throws IOException {
    assertThrows(IOException.class, () -> spawner.start(Path.of("/no/such/tool-4711"), List.of("t"), null, null, false));
    long before = openDescriptors();
    for (int i = 0; i < 20; i++) {
      IOException e = assertThrows(IOException.class,
          () -> spawner.start(Path.of("/no/such/tool-4711"), List.of("tool-4711"), null, null, false));
      assertTrue(e.getMessage().contains("error=2"), e.getMessage());
    }
    assertEquals(before, openDescriptors(), "pipes after 20 failed starts (a leak would be six each)");
  }

  @Test
  void inANamespaceTheToolIsItsInitAndTheThreadCanStillStartThreads() throws Exception {
    Procs.assumePidNamespace();
    SpawnedProcess p = spawner.start(SH, List.of("sh", "-c", "echo $$"), null, null, true);
    assertEquals("1\n", run(p));
    // the kernel refuses a new thread while the thread's namespace for children differs from its own
    Thread t = new Thread(() -> {});
    t.start();
    t.join();
    SpawnedProcess outside = spawner.start(SH, List.of("sh", "-c", "echo $$"), null, null, false);
    assertEquals(outside.pid() + "\n", run(outside), "the next child without a namespace is in ours again");
  }

  /** The test JVM's open pipes. */
  private static long openDescriptors() throws IOException {
    try (var s = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
      return s.filter(fd -> {
        try {
          return java.nio.file.Files.readSymbolicLink(fd).toString().startsWith("pipe:");
        } catch (IOException gone) {
          return false;
        }
      }).count();
    }
  }
}
