import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;

/**
 * Whole-process measurements for runner/bench. Each "probe" prints one line "name value" per sample on stdout;
 * the bash driver collects them into the table. Kept dependency-free so it compiles with plain javac.
 */
public final class Bench {
  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "first-line": firstLine(a); break;
      case "wall": wall(a); break;
      case "loop": loop(Integer.parseInt(a[1]), Arrays.copyOfRange(a, 2, a.length)); break;
      case "ticker": ticker(Integer.parseInt(a[1]), Integer.parseInt(a[2])); break;
      case "latency": latency(a); break;
      case "progress-bytes": progressBytes(a); break;
      case "report": Report.main(Arrays.copyOfRange(a, 1, a.length)); break;
      case "overlaps": overlaps(a); break;
      case "parallel-skip": parallelSkip(a); break;
      default: throw new IllegalArgumentException(a[0]);
    }
  }

  /** first-line PREFIX cmd...: ms from start to the first stderr line starting with PREFIX; waits for exit. */
  static void firstLine(String[] a) throws Exception {
    String prefix = a[1];
    List<String> cmd = Arrays.asList(a).subList(2, a.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long hit = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (hit < 0 && line.startsWith(prefix)) {
          hit = System.nanoTime();
        }
      }
    }
    p.waitFor();
    long end = System.nanoTime();
    System.out.printf(Locale.ROOT, "%.2f %.2f%n", hit < 0 ? -1.0 : (hit - t0) / 1e6, (end - t0) / 1e6);
  }

  /** wall cmd...: ms from start to exit, output discarded. */
  static void wall(String[] a) throws Exception {
    List<String> cmd = Arrays.asList(a).subList(1, a.length);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor();
    System.out.printf(Locale.ROOT, "%.2f%n", (System.nanoTime() - t0) / 1e6);
  }

  /**
   * The per-task baseline: start `true` n times and wait for each; with a prefix (a tree guard's wrapper argv) the
   * same loop tells the guard's own cost from the runner's.
   */
  static void loop(int n, String[] prefix) throws Exception {
    List<String> argv = new ArrayList<>(Arrays.asList(prefix));
    argv.add("true");
    for (int i = 0; i < n; i++) {
      new ProcessBuilder(argv).start().waitFor();
    }
  }

  /** A child for the latency probe: prints "tick <epoch micros>" every periodMs, count times. */
  static void ticker(int count, int periodMs) throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Instant now = Instant.now();
      out.println("tick " + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1000));
      next += periodMs * 1_000_000L;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
      }
    }
  }

  /**
   * latency LOGFILE cmd...: for each "tick <micros>" line, the delay until it appears on the runner's stderr and in
   * its log file (polled every millisecond). Prints p50/p99/max per consumer.
   */
  static void latency(String[] a) throws Exception {
    Path log = Path.of(a[1]);
    List<String> cmd = Arrays.asList(a).subList(2, a.length);
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<Double> viaStderr = new ArrayList<>();
    List<Double> viaLog = Collections.synchronizedList(new ArrayList<>());
    Thread tail = new Thread(() -> tailLog(log, p, viaLog));
    tail.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        double d = delayMs(line);
        if (d >= 0) {
          viaStderr.add(d);
        }
      }
    }
    p.waitFor();
    tail.join();
    report("stderr", viaStderr);
    report("logfile", viaLog);
  }

  private static void tailLog(Path log, Process p, List<Double> out) {
    long pos = 0;
    StringBuilder partial = new StringBuilder();
    byte[] buf = new byte[64 * 1024];
    try {
      while (true) {
        boolean alive = p.isAlive();
        if (Files.exists(log)) {
          try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(pos);
            int n;
            while ((n = f.read(buf)) > 0) {
              pos += n;
              partial.append(new String(buf, 0, n, StandardCharsets.UTF_8));
              int nl;
              while ((nl = partial.indexOf("\n")) >= 0) {
                double d = delayMs(partial.substring(0, nl));
                if (d >= 0) {
                  out.add(d);
                }
                partial.delete(0, nl + 1);
              }
            }
          }
        }
        if (!alive) {
          return;
        }
        Thread.sleep(1);
      }
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  private static double delayMs(String line) {
    int i = line.indexOf("tick ");
    if (i < 0 || !line.startsWith("[")) {
      return -1;
    }
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    try {
      return (micros - Long.parseLong(line.substring(i + 5).trim())) / 1000.0;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void report(String name, List<Double> d) {
    List<Double> s = new ArrayList<>(d);
    Collections.sort(s);
    if (s.isEmpty()) {
      System.out.println(name + " n=0");
      return;
    }
    System.out.printf(Locale.ROOT, "%s n=%d p50=%.2f p99=%.2f max=%.2f%n", name, s.size(),
        s.get(s.size() / 2), s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)), s.get(s.size() - 1));
  }

  /** progress-bytes cmd...: total bytes of PROGRESS_JSON lines (incl. FINAL) on stderr, and their count. */
  static void progressBytes(String[] a) throws Exception {
    List<String> cmd = Arrays.asList(a).subList(1, a.length);
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long bytes = 0;
    long lines = 0;
    long finalBytes = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("PROGRESS_JSON")) {
          bytes += line.length() + 1;
          lines++;
          if (line.startsWith("PROGRESS_JSON_FINAL")) {
            finalBytes = line.length() + 1;
          }
        }
      }
    }
    p.waitFor();
    System.out.println(bytes + " " + lines + " " + finalBytes);
  }

  /**
   * overlaps REPORT GROUP...: reads started_at/finished_at of every result (plan order) from a report and prints
   * "pool OVERLAPS exclusive OVERLAPS tasks N": pairs of tasks of one GROUP (comma-separated indices, e.g. 1,5) that
   * overlap, and tasks that overlap a GROUP written "x7" (an exclusive task). Regex, not a JSON library: the bench
   * compiles with plain javac, and the report puts each timestamp on its own line.
   */
  static void overlaps(String[] a) throws Exception {
    String text = Files.readString(Path.of(a[1]));
    List<Instant> start = new ArrayList<>();
    List<Instant> end = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"(started_at|finished_at)\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
    while (m.find()) {
      (m.group(1).equals("started_at") ? start : end).add(Instant.parse(m.group(2)));
    }
    int pool = 0;
    int exclusive = 0;
    for (int k = 2; k < a.length; k++) {
      if (a[k].startsWith("x")) {
        int x = Integer.parseInt(a[k].substring(1));
        for (int i = 0; i < start.size(); i++) {
          if (i != x && start.get(i).isBefore(end.get(x)) && start.get(x).isBefore(end.get(i))) {
            exclusive++;
          }
        }
        continue;
      }
      int[] g = Arrays.stream(a[k].split(",")).mapToInt(Integer::parseInt).toArray();
      for (int i = 0; i < g.length; i++) {
        for (int j = i + 1; j < g.length; j++) {
          if (start.get(g[i]).isBefore(end.get(g[j])) && start.get(g[j]).isBefore(end.get(g[i]))) {
            pool++;
          }
        }
      }
    }
    System.out.println(pool + " " + exclusive + " " + start.size());
  }

  /**
   * parallel-skip JAR SAMPLES: one parallel run of a long bystander task beside a chain of victims (each a shell
   * with two grandchildren); each victim is skipped by index through the control file. Prints
   * "p50 p95 max alive bystander_lost": ms from the control write to its TASK_SKIP, processes of skipped trees
   * alive at their marker, and samples where the bystander was no longer running.
   */
  static void parallelSkip(String[] a) throws Exception {
    String jar = a[1];
    int samples = Integer.parseInt(a[2]);
    Path dir = Files.createTempDirectory("sr-pskip-");
    String by = ControlLatency.unique();
    List<String> markers = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    tasks.add("{\"id\":\"by\"," + ControlLatency.task("sleep " + by).substring(1));
    for (int i = 0; i < samples; i++) {
      String m = ControlLatency.unique();
      markers.add(m);
      String needs = i == 0 ? "" : "\"needs\":[\"v" + (i - 1) + "\"],";
      tasks.add("{\"id\":\"v" + i + "\"," + needs + ControlLatency.task("sleep " + m + " & sleep " + m + " & wait")
          .substring(1));
    }
    List<Double> lat = new ArrayList<>();
    int alive = 0;
    int lost = 0;
    try (ControlLatency.Runner r = new ControlLatency.Runner(jar, dir,
        "{\"parallel_execution\":true,\"max_parallel\":2,\"tasks\":[" + String.join(",", tasks) + "]}")) {
      ControlLatency.awaitAlive(by, 1);
      for (int i = 0; i < samples; i++) {
        int index = i + 1;
        r.await("TASK_START:" + index + ":");
        ControlLatency.awaitAlive(markers.get(i), 3);
        ControlLatency.pause(50, 250);
        long t0 = r.write("{\"action\":\"skip\",\"index\":" + index + ",\"timestamp\":" + i + "}");
        ControlLatency.Line l = r.await("TASK_SKIP:" + index + ":");
        alive += ControlLatency.alive(markers.get(i));
        lost += ControlLatency.alive(by) > 0 ? 0 : 1;
        lat.add(ControlLatency.ms(l.nanos() - t0));
      }
      r.write("{\"action\":\"skip\",\"index\":0,\"timestamp\":-1}");
      r.await("PROGRESS_JSON_FINAL:");
    }
    Collections.sort(lat);
    System.out.printf(Locale.ROOT, "%.1f %.1f %.1f %d %d%n", ControlLatency.pct(lat, 50), ControlLatency.pct(lat, 95),
        lat.get(lat.size() - 1), alive, lost);
  }
}
