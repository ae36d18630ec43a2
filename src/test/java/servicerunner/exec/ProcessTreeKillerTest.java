package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.testing.Procs;
import servicerunner.testing.Tools;

/** Tree kill and group sweep on real process trees (Linux: /proc shows what is left). */
@EnabledOnOs(OS.LINUX)
class ProcessTreeKillerTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService worker = Executors.newCachedThreadPool();
  private final ProcessTreeKiller killer = new ProcessTreeKiller(timer, worker);
  private final String sleep = Procs.uniqueSleep();
  @TempDir Path tmp;

  @AfterEach
  void cleanUp() {
    Procs.killAll(sleep);
    timer.shutdownNow();
    worker.shutdownNow();
  }

  /** Starts {@code sh -c script} and waits for its first line, printed once the background children are forked. */
  private static Process startAndAwaitLine(String... argv) throws IOException {
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    return p;
  }

  @Test
  void killEndsTheChildAndEveryDescendant() throws Exception {
    Process p = startAndAwaitLine("sh", "-c", "sleep " + sleep + " & sleep " + sleep + " & echo ready; wait");
    killer.kill(p.toHandle(), -1, Duration.ofSeconds(2));
    assertFalse(p.isAlive());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void aTreeThatIgnoresSigtermIsForcedAfterTheGrace() throws Exception {
    // an ignored signal stays ignored across fork and exec, so the sleeps ignore SIGTERM too
    Process p = startAndAwaitLine("sh", "-c", "trap '' TERM; sleep " + sleep + " & echo ready; wait");
    killer.kill(p.toHandle(), -1, Duration.ofMillis(100));
    assertFalse(p.isAlive());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void aSweepEndsWhatAFinishedToolLeftInItsProcessGroup() throws Exception {
    Tools.require("setsid");
    Process p = startAndAwaitLine(
        Launcher.SETSID.toString(), "sh", "-c", "sleep " + sleep + " >/dev/null 2>&1 & echo ready");
    p.waitFor();
    assertEquals(1, Procs.withArg(sleep).size(), "the orphan outlived its tool");
    killer.sweepGroupLater(p.pid());
    killer.sweepNow();
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void aSweepRequestedForLaterRunsByItself() throws Exception {
    Tools.require("setsid");
    Process p = startAndAwaitLine(
        Launcher.SETSID.toString(), "sh", "-c", "sleep " + sleep + " >/dev/null 2>&1 & echo ready");
    p.waitFor();
    killer.sweepGroupLater(p.pid());
    assertEquals(List.of(), Procs.awaitGone(sleep));
  }

  @Test
  void theProcessGroupIsReadAfterTheLastParenthesisOfTheName() throws IOException {
    Path proc = Files.createDirectories(tmp.resolve("4711"));
    Files.writeString(proc.resolve("stat"), "4711 (my (odd) tool) S 1 4567 4567 0 -1 4194560 97 0 0 0");
    assertEquals(4567, ProcessTreeKiller.processGroupOf(proc));
    Files.writeString(proc.resolve("stat"), "garbage");
    assertEquals(-1, ProcessTreeKiller.processGroupOf(proc));
  }
}
