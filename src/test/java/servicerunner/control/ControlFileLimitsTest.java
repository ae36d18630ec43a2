package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.run.RunController;
import servicerunner.run.RunObserver;

/** D8: a huge, sparse or special control file is "no signal", said once, and control goes on afterwards. */
class ControlFileLimitsTest {
  @TempDir Path dir;

  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private static final String SKIP = "{\"action\":\"skip\",\"timestamp\":1}";

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aFifoIsNeverOpened() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"));
    Path p = dir.resolve("ctl.json");
    assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    ControlFile f = new ControlFile(p, warnings::add);
    assertTrue(f.poll().isEmpty(), "returns at once: no writer will ever come");
    assertTrue(f.poll().isEmpty());
    assertEquals(List.of("the control file '" + p + "' is a FIFO, not a regular file; it is ignored while it is one"),
        warnings, "said once");
    Files.delete(p);
    Files.writeString(p, SKIP);
    assertEquals(ControlCommand.Action.SKIP, f.poll().orElseThrow().action(), "a later command still counts");
  }

  @Test
  void aSparseGiantAndADeviceAreNotRead() throws Exception {
    Path p = dir.resolve("ctl.json");
    try (RandomAccessFile r = new RandomAccessFile(p.toFile(), "rw")) {
      r.setLength(3L << 30); // 3 GB, no blocks: "Required array size too large" before
    }
    ControlFile f = new ControlFile(p, warnings::add);
    assertTrue(f.poll().isEmpty());
    assertTrue(f.poll().isEmpty());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("3221225472 bytes, more than the 65536 read"), warnings.get(0));
    Files.delete(p);
    if (Files.exists(Path.of("/dev/zero"))) {
      Files.createSymbolicLink(p, Path.of("/dev/zero"));
      assertTrue(f.poll().isEmpty());
      assertTrue(warnings.get(1).contains("is a character device"), warnings.get(1));
      Files.delete(p);
    }
    Files.writeString(p, SKIP);
    assertEquals(ControlCommand.Action.SKIP, f.poll().orElseThrow().action());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void theWatcherOutlivesAnErrorAndSaysItOnce() throws Exception {
    AtomicInteger logged = new AtomicInteger();
    RunController c = new RunController(new RunObserver() {
      @Override
      public void log(String line) {
        if (logged.incrementAndGet() <= 2) {
          throw new OutOfMemoryError("from a test"); // what a 300 MB control file caused on sr-control
        }
      }
    });
    Path p = dir.resolve("ctl.json");
    List<String> said = new CopyOnWriteArrayList<>();
    try (ControlWatcher w = new ControlWatcher(new ControlFile(p), c, Duration.ofMillis(5), said::add).start()) {
      for (int i = 1; i <= 3; i++) {
        Files.writeString(p, "{\"action\":\"skip\",\"timestamp\":" + i + "}");
        int want = i;
        waitFor(() -> logged.get() >= want);
      }
    }
    assertEquals(3, logged.get(), "the third skip was still acted on");
    assertEquals(1, said.size(), "said once: " + said);
    assertTrue(said.get(0).startsWith("Warning: reading the control file failed (java.lang.OutOfMemoryError: from a test)"));
  }

  private static void waitFor(BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      Thread.sleep(5);
    }
  }
}
