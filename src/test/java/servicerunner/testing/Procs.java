package servicerunner.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import servicerunner.exec.TreeGuard;

/** Finds live processes by a unique string in their command line (Linux /proc), to prove a tree was ended. */
public final class Procs {
  private Procs() {}

  public static List<Long> withArg(String needle) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/proc"))) {
      s.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
          if (cmd.contains(needle) && !isZombie(p)) {
            pids.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException ignored) {
          // process ended while reading
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return pids;
  }

  private static boolean isZombie(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
  }

  /** A sleep duration nobody else uses, so its processes can be found: e.g. "3000.4711". */
  public static String uniqueSleep() {
    return "3000." + (1000 + (long) (Math.random() * 8999));
  }

  /** Waits up to 3 s for processes to disappear (a killed process needs a moment to be reaped). */
  public static List<Long> awaitGone(String needle) throws InterruptedException {
    List<Long> left = withArg(needle);
    for (int i = 0; i < 30 && !left.isEmpty(); i++) {
      Thread.sleep(100);
      left = withArg(needle);
    }
    return left;
  }

  /** Polls for up to 1 s (the bound for a tree the kernel ends) and returns what is still there. */
  public static List<Long> leftAfterOneSecond(String needle) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    List<Long> left = withArg(needle);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      left = withArg(needle);
    }
    return left;
  }

  /** Skips the test where this user cannot have PID namespaces (the pidns tree guard is not active). */
  public static void assumePidNamespace() {
    assumeTrue(TreeGuard.current() == TreeGuard.PID_NAMESPACE,
        "PID namespaces are not available to this user (tree guard " + TreeGuard.current().id() + ")");
  }

  public static void killAll(String needle) {
    for (long pid : withArg(needle)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
