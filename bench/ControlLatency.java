import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Control latency benchmark (run by runner/bench-control; single-file program, JDK only): time from the control file
 * write to the marker the app reacts to, read from the real jar's stderr as the app reads it, plus a count of the
 * skipped or stopped tree's processes still alive when the marker arrives.
 *   java runner/bench/ControlLatency.java JAR SAMPLES OUT_PREFIX
 */
public class ControlLatency {
  record Line(long nanos, String text) {}

  static final class Runner implements AutoCloseable {
    final Process p;
    final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    final Path control;

    Runner(String jar, Path dir, String plan) throws IOException {
      Files.writeString(dir.resolve("plan.json"), plan);
      control = dir.resolve("ctl.json");
      Files.deleteIfExists(control);
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, dir.resolve("plan.json").toString());
      pb.environment().put("AUTOSERVICE_CONTROL_FILE", control.toString());
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      p = pb.start();
      Thread t = new Thread(() -> read(p.getErrorStream()));
      t.setDaemon(true);
      t.start();
    }

    void read(InputStream in) {
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      try (in) {
        int b;
        while ((b = in.read()) >= 0) {
          if (b == '\n') {
            String text = cur.toString(StandardCharsets.UTF_8);
            lines.add(new Line(System.nanoTime(), text));
            seen.add(text);
            cur.reset();
          } else {
            cur.write(b);
          }
        }
      } catch (IOException ignored) {
        // runner gone
      }
    }

    Line await(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        Line l = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (l == null) {
          throw new IllegalStateException("no '" + prefix + "' within 20 s; last lines:\n"
              + String.join("\n", seen.subList(Math.max(0, seen.size() - 15), seen.size())));
        }
        if (l.text().startsWith(prefix)) {
          return l;
        }
      }
    }

    long write(String action) throws IOException {
      long t = System.nanoTime();
      Files.writeString(control, action); // truncate and write, as the app does
      return t;
    }

    @Override
    public void close() throws InterruptedException {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  static String task(String shell) {
    return "{\"type\":\"command\",\"timeout_seconds\":120,\"command\":[\"sh\",\"-c\",\"" + shell + "\"]}";
  }

  static String unique() {
    return "300." + ThreadLocalRandom.current().nextInt(100000, 999999);
  }

  static int alive(String marker) {
    int n = 0;
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : dirs) {
        try {
          String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
          String stat = Files.readString(d.resolve("stat"));
          if (cmd.contains(marker) && !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
            n++;
          }
        } catch (IOException | RuntimeException ignored) {
          // ended while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  static void awaitAlive(String marker, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (alive(marker) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  static void pause(int minMs, int maxMs) throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(minMs, maxMs + 1));
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int samples = Integer.parseInt(args[1]);
    String outPrefix = args[2];
    Path dir = Files.createTempDirectory("sr-bench-");
    Map<String, List<Double>> lat = new LinkedHashMap<>();
    Map<String, Integer> left = new LinkedHashMap<>();
    for (String k : List.of("skip -> TASK_SKIP", "pause -> RUN_PAUSED", "resume -> RUN_RESUMED",
        "stop while paused -> RUN_STOPPED", "force stop during task -> RUN_STOPPED")) {
      lat.put(k, new ArrayList<>());
      left.put(k, 0);
    }

    // skip: one run, one task per sample; each task is a shell with two grandchildren (3 processes)
    List<String> markers = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      String m = unique();
      markers.add(m);
      tasks.add(task("sleep " + m + " & sleep " + m + " & wait"));
    }
    try (Runner r = new Runner(jar, dir, "{\"tasks\":[" + String.join(",", tasks) + "]}")) {
      for (int i = 0; i < samples; i++) {
        r.await("TASK_START:" + i + ":");
        awaitAlive(markers.get(i), 3);
        pause(50, 250);
        long t0 = r.write("{\"action\":\"skip\",\"timestamp\":" + i + "}");
        Line l = r.await("TASK_SKIP:" + i + ":");
        int n = alive(markers.get(i));
        lat.get("skip -> TASK_SKIP").add(ms(l.nanos() - t0));
        left.merge("skip -> TASK_SKIP", n, Integer::sum);
      }
    }

    // pause during a task, measured from the later of the write and the task's end marker (pause waits for the
    // task by design); then resume while paused
    tasks.clear();
    for (int i = 0; i < samples; i++) {
      tasks.add(task("sleep 0.2"));
    }
    try (Runner r = new Runner(jar, dir, "{\"tasks\":[" + String.join(",", tasks) + "]}")) {
      for (int i = 0; i < samples; i++) {
        r.await("TASK_START:" + i + ":");
        long t0 = r.write("{\"action\":\"pause\",\"timestamp\":" + i + "}");
        Line end = r.await("TASK_OK:" + i + ":");
        Line paused = r.await("RUN_PAUSED:");
        lat.get("pause -> RUN_PAUSED").add(ms(paused.nanos() - Math.max(t0, end.nanos())));
        pause(50, 150);
        long t1 = r.write("{\"action\":\"resume\",\"timestamp\":" + i + "}");
        Line resumed = r.await("RUN_RESUMED:");
        lat.get("resume -> RUN_RESUMED").add(ms(resumed.nanos() - t1));
      }
    }

    // stop: a fresh run per sample, alternating stop while paused and a forced stop during a task
    for (int i = 0; i < samples; i++) {
      String m = unique();
      boolean paused = i % 2 == 0;
      String plan = "{" + (paused ? "\"pause_between_tasks\":true," : "") + "\"tasks\":["
          + task(paused ? "true" : "sleep " + m + " & sleep " + m + " & wait") + "," + task("true") + "]}";
      try (Runner r = new Runner(jar, dir, plan)) {
        String key;
        if (paused) {
          r.await("RUN_PAUSED:");
          pause(50, 150);
          key = "stop while paused -> RUN_STOPPED";
        } else {
          r.await("TASK_START:0:");
          awaitAlive(m, 3);
          pause(50, 150);
          key = "force stop during task -> RUN_STOPPED";
        }
        long t0 = r.write("{\"action\":\"stop\",\"force\":" + !paused + ",\"timestamp\":" + i + "}");
        Line l = r.await("RUN_STOPPED:");
        lat.get(key).add(ms(l.nanos() - t0));
        if (!paused) {
          left.merge(key, alive(m), Integer::sum);
        }
      }
    }

    StringBuilder md = new StringBuilder();
    StringBuilder json = new StringBuilder("{\n  \"generated_at\": \"" + Instant.now() + "\",\n  \"samples_per_action\": "
        + samples + ",\n  \"target_p95_ms\": 250,\n  \"actions\": [\n");
    md.append("| action -> marker | samples | p50 ms | p95 ms | max ms | processes of the tree alive at the marker |\n");
    md.append("|---|---|---|---|---|---|\n");
    boolean ok = true;
    int k = 0;
    for (var e : lat.entrySet()) {
      List<Double> v = new ArrayList<>(e.getValue());
      Collections.sort(v);
      double p50 = pct(v, 50);
      double p95 = pct(v, 95);
      double max = v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
      String alive = e.getKey().startsWith("skip") || e.getKey().startsWith("force") ? String.valueOf(left.get(e.getKey())) : "n/a";
      ok &= p95 < 250 && (alive.equals("n/a") || alive.equals("0"));
      md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s |%n", e.getKey(), v.size(), p50, p95, max, alive));
      json.append(String.format(Locale.ROOT,
          "    {\"action\": \"%s\", \"samples\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, \"max_ms\": %.1f, \"alive_at_marker\": %s}%s%n",
          e.getKey(), v.size(), p50, p95, max, alive.equals("n/a") ? "null" : alive, ++k < lat.size() ? "," : ""));
    }
    json.append("  ],\n  \"target_met\": ").append(ok).append("\n}\n");
    Files.writeString(Path.of(outPrefix + ".json"), json.toString());
    Files.writeString(Path.of(outPrefix + ".table.md"), md.toString());
    System.out.print(md);
    System.out.println(ok ? "target met: p95 < 250 ms, no process left" : "TARGET MISSED");
  }

  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
