package servicerunner.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The watcher's list: at end-of-file it kills exactly the pids still listed, matched whole. */
@EnabledOnOs(OS.LINUX)
class DeathWatchTest {
  @Test
  void atEndOfFileEveryPidStillListedIsKilledAndNoOther() throws Exception {
    killsWhatIsListed("sh", "-c", DeathWatch.SCRIPT, "sr-watch");
  }

  @Test
  void soDoesTheAwkWatcher() throws Exception {
    killsWhatIsListed(DeathWatch.AWK.toString(), DeathWatch.AWK_SCRIPT);
  }

  private void killsWhatIsListed(String... watcher) throws Exception {
    Process a = new ProcessBuilder("sleep", "60").start();
    Process b = new ProcessBuilder("sleep", "60").start();
    Process c = new ProcessBuilder("sleep", "60").start();
    Process watch = new ProcessBuilder(watcher).start();
    try (OutputStream in = watch.getOutputStream()) {
      // b's pid is removed; a pid that is a prefix of a listed one ("-" of a's pid without its last digit) is not
      String lines = "+ " + a.pid() + "\n+ " + b.pid() + "\n+ " + c.pid() + "\n- " + b.pid() + "\n- "
          + a.pid() / 10 + "\n- 999999999\n";
      in.write(lines.getBytes(StandardCharsets.US_ASCII));
    }
    assertTrue(watch.waitFor(10, TimeUnit.SECONDS), "the watcher ends at end-of-file");
    assertTrue(a.waitFor(5, TimeUnit.SECONDS), "a listed tool is killed");
    assertTrue(c.waitFor(5, TimeUnit.SECONDS), "a listed tool is killed");
    assertFalse(b.waitFor(300, TimeUnit.MILLISECONDS), "a released pid is left alone");
    b.destroyForcibly();
  }
}
