package servicerunner.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs the real jar as a subprocess, the way the app does, and collects stdout bytes and stderr lines. */
public final class RunnerProcess {
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private String stdin;
  private Duration timeout = Duration.ofSeconds(120);
  private Path dir;
  private static final Path DEFAULT_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  /**
   * The launcher's start-up flags (runner/service-runner), C1 only and the serial collector; not its -Xlog ones,
   * which would switch off the class-load log a test asks for in JAVA_TOOL_OPTIONS.
   */
  private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static Optional<Path> archive;

  private Path javaBin = DEFAULT_JAVA;
  private final List<String> jvmOptions = new ArrayList<>();

  public static RunnerProcess jar(String... args) {
    RunnerProcess r = new RunnerProcess();
    r.args.addAll(List.of(args));
    return r;
  }

  public static Path jarPath() {
    String p = System.getProperty("sr.jar", "target/service-runner.jar");
    return Path.of(p).toAbsolutePath();
  }

  public RunnerProcess args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  public RunnerProcess env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public RunnerProcess stdin(String text) {
    stdin = text;
    return this;
  }

  public RunnerProcess timeout(Duration t) {
    timeout = t;
    return this;
  }

  /** Runs the jar on another JVM (e.g. JDK 25), not the one running the tests. */
  public RunnerProcess java(Path javaBinary) {
    javaBin = javaBinary;
    return this;
  }

  /** An extra JVM flag, before {@code -jar} (e.g. a class-load log). */
  public RunnerProcess jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  public RunnerProcess dir(Path d) {
    dir = d;
    return this;
  }

  /** Runs to the end (or kills the runner after the timeout and fails). */
  public RunResult run() throws IOException, InterruptedException {
    Started s = start();
    return s.waitFor(timeout);
  }

  public Started start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin.toString());
    cmd.addAll(FLAGS);
    if (javaBin.equals(DEFAULT_JAVA)) {
      classArchive().ifPresent(a -> cmd.addAll(List.of("-XX:SharedArchiveFile=" + a, "-Xshare:auto")));
    }
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jarPath().toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("AUTOSERVICE_CONTROL_FILE");
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    return new Started(p, stdin);
  }

  /**
   * A class archive of the jar (AppCDS, as the launcher keeps one), made once per test JVM by a training run of a
   * small plan: the ITs start the jar a few hundred times, and each start then costs about a third less CPU. Made
   * from this very jar, it always maps, so the JVM has nothing to warn about on stdout. Empty when it cannot be
   * made; the runs then start without it.
   */
  private static synchronized Optional<Path> classArchive() {
    if (archive == null) {
      archive = Optional.empty();
      try {
        Path dir = Files.createTempDirectory("sr-it-cds");
        Path jsa = dir.resolve("runner.jsa");
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"tasks\":[{\"type\":\"command\","
            + "\"command\":[\"sh\",\"-c\",\"echo training; exit 3\"]}]}");
        List<String> cmd = new ArrayList<>(List.of(DEFAULT_JAVA.toString()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-jar", jarPath().toString(), plan.toString(),
            "--log-file", dir.resolve("run.log").toString(), "-o", dir.resolve("report.json").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile())
            .start();
        if (p.waitFor(2, TimeUnit.MINUTES) && Files.size(jsa) > 0) {
          archive = Optional.of(jsa);
        } else {
          p.destroyForcibly();
        }
      } catch (IOException e) {
        // no archive: the runs start without one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return archive;
  }

  /** A runner started in the background: its stderr lines arrive in {@link #lines} as they are written. */
  public static final class Started {
    public final Process process;
    public final BlockingQueue<TimedLine> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Thread outThread;
    private final Thread errThread;
    private final long startNanos = System.nanoTime();

    Started(Process p, String stdinText) throws IOException {
      this.process = p;
      try (OutputStream os = p.getOutputStream()) {
        if (stdinText != null) {
          os.write(stdinText.getBytes(StandardCharsets.UTF_8));
        }
      }
      outThread = new Thread(() -> copy(p.getInputStream(), stdout));
      errThread = new Thread(this::readLines);
      outThread.start();
      errThread.start();
    }

    private void readLines() {
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      try (InputStream in = process.getErrorStream()) {
        int b;
        while ((b = in.read()) >= 0) {
          if (b == '\n') {
            String line = cur.toString(StandardCharsets.ISO_8859_1); // bytes kept 1:1 so tests can check ASCII
            cur.reset();
            all.add(line);
            lines.add(new TimedLine(System.nanoTime(), line));
          } else {
            cur.write(b);
          }
        }
        if (cur.size() > 0) {
          String line = cur.toString(StandardCharsets.ISO_8859_1);
          all.add(line);
          lines.add(new TimedLine(System.nanoTime(), line));
        }
      } catch (IOException ignored) {
        // runner gone
      }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
      try (in) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // runner gone
      }
    }

    /** Waits for a stderr line matching {@code p}; returns it or null on timeout. */
    public TimedLine awaitLine(Predicate<String> p, Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        TimedLine l = lines.poll(left, TimeUnit.NANOSECONDS);
        if (l == null) {
          return null;
        }
        if (p.test(l.line())) {
          return l;
        }
      }
    }

    public List<String> linesSoFar() {
      synchronized (all) {
        return new ArrayList<>(all);
      }
    }

    public long startNanos() {
      return startNanos;
    }

    public RunResult waitFor(Duration max) throws InterruptedException {
      long t0 = System.nanoTime();
      if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("runner did not finish within " + max + "; stderr so far:\n" + String.join("\n", linesSoFar()));
      }
      outThread.join(10_000);
      errThread.join(10_000);
      return new RunResult(process.exitValue(), stdout.toByteArray(), linesSoFar(),
          Duration.ofNanos(System.nanoTime() - startNanos), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  public record TimedLine(long nanos, String line) {}
}
