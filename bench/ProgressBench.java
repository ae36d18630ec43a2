import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TASK_PROGRESS figures against the real jar (runner/bench-progress): a flood of sfc redraws (lines per second),
 * a whole sfc run at a sfc-like pace (lines and bytes in all), and heartbeat lateness with every core busy.
 * Usage: java bench/ProgressBench.java JAR ROOT PACE_SCALE PREFIX
 */
public class ProgressBench {
  record Line(long nanos, String text) {}

  static final Pattern ELAPSED = Pattern.compile("\"elapsed_seconds\":([0-9.]+)");

  public static void main(String[] a) throws Exception {
    String jar = a[0];
    Path root = Path.of(a[1]);
    double scale = Double.parseDouble(a[2]);
    String prefix = a[3];
    String tools = root.resolve("fixtures/fake-tools").toString();
    StringBuilder md = new StringBuilder();
    StringBuilder json = new StringBuilder("{");

    // A: flood -- 303 redraws as fast as the fake writes them
    List<Line> flood = run(jar, "{\"tasks\":[{\"type\":\"sfc_scan\",\"executable_path\":\"" + tools
        + "/sfc-full-run\"}]}", Map.of("SFC_CHUNK", "56", "SFC_DELAY", "0.01"));
    List<Line> fp = progress(flood);
    double floodSeconds = seconds(first(flood, "TASK_START:"), first(flood, "TASK_OK:"));
    md.append("| A: flood, 303 redraws (`sfc-full-run`, 56-byte reads every 10 ms) | ")
        .append(fp.size()).append(" | ").append(maxPerSecond(fp)).append(" | ").append(maxPerSecond(notFinal(fp)))
        .append(" | ").append(bytes(fp)).append(" B | ")
        .append(fmt(floodSeconds)).append(" s |\n");
    json.append("\"flood\":{\"lines\":").append(fp.size()).append(",\"max_per_1s_window\":").append(maxPerSecond(fp))
        .append(",\"max_per_1s_window_without_completion\":").append(maxPerSecond(notFinal(fp)))
        .append(",\"bytes\":").append(bytes(fp)).append(",\"task_seconds\":").append(fmt(floodSeconds)).append("},");

    // B: a whole run at a sfc-like pace, compressed by scale, heartbeat_seconds scaled the same way
    double hb = 15 * scale;
    List<Line> paced = run(jar, "{\"heartbeat_seconds\":" + fmt(hb) + ",\"tasks\":[{\"type\":\"sfc_scan\","
        + "\"executable_path\":\"" + tools + "/sfc-paced\"}]}", Map.of("SFC_PACE_SCALE", Double.toString(scale)));
    List<Line> pp = progress(paced);
    long beats = pp.stream().filter(l -> l.text().contains("\"kind\":\"heartbeat\"")).count();
    double pacedSeconds = seconds(first(paced, "TASK_START:"), first(paced, "TASK_OK:"));
    md.append("| B: whole run at sfc pace x").append(fmt(scale)).append(" (`sfc-paced`, heartbeat_seconds ")
        .append(fmt(hb)).append(") | ").append(pp.size()).append(" (").append(beats).append(" heartbeats) | ")
        .append(maxPerSecond(pp)).append(" | ").append(maxPerSecond(notFinal(pp))).append(" | ").append(bytes(pp))
        .append(" B | ").append(fmt(pacedSeconds))
        .append(" s (").append(fmt(pacedSeconds / scale)).append(" s unscaled) |\n");
    json.append("\"paced\":{\"scale\":").append(scale).append(",\"lines\":").append(pp.size())
        .append(",\"heartbeats\":").append(beats).append(",\"bytes\":").append(bytes(pp))
        .append(",\"task_seconds\":").append(fmt(pacedSeconds)).append("},");

    // C: heartbeat lateness with every core busy (2 busy loops per core, started and ended here by their pid)
    int burners = 2 * Runtime.getRuntime().availableProcessors();
    List<Process> load = new ArrayList<>();
    for (int i = 0; i < burners; i++) {
      load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
    }
    List<Line> hbRun;
    try {
      hbRun = run(jar, "{\"heartbeat_seconds\":1,\"tasks\":[{\"type\":\"command\",\"command\":[\"sleep\",\"30\"]}]}",
          Map.of());
    } finally {
      for (Process p : load) {
        p.destroyForcibly();
      }
    }
    long start = first(hbRun, "TASK_START:");
    List<Double> outside = new ArrayList<>();
    List<Double> inside = new ArrayList<>();
    int k = 0;
    double base = Double.MAX_VALUE;
    List<Double> elapsed = new ArrayList<>();
    for (Line l : progress(hbRun)) {
      k++;
      outside.add((l.nanos() - start) / 1e9 - k);
      Matcher m = ELAPSED.matcher(l.text());
      if (m.find()) {
        elapsed.add(Double.parseDouble(m.group(1)) - k);
        base = Math.min(base, Double.parseDouble(m.group(1)) - k);
      }
    }
    for (double e : elapsed) {
      inside.add(e - base);
    }
    md.append("\nC: heartbeat lateness, `heartbeat_seconds` 1, a silent `sleep 30`, ").append(burners)
        .append(" busy loops on ").append(Runtime.getRuntime().availableProcessors()).append(" cores: ")
        .append(k).append(" heartbeats.\n\n")
        .append("| measure | p50 | p95 | max |\n|---|---|---|---|\n")
        .append("| arrival on the reader's side minus (TASK_START arrival + k s): an upper bound, it includes the tool's launch | ")
        .append(stats(outside)).append(" |\n")
        .append("| the runner's own elapsed_seconds minus k s, less the smallest such offset | ")
        .append(stats(inside)).append(" |\n");
    json.append("\"heartbeat\":{\"burners\":").append(burners).append(",\"beats\":").append(k)
        .append(",\"late_outside_s\":").append(list(outside)).append(",\"late_inside_s\":").append(list(inside))
        .append("}}");
    Files.writeString(Path.of(prefix + ".table.md"), md.toString());
    Files.writeString(Path.of(prefix + ".json"), json + "\n");
  }

  static List<Line> run(String jar, String plan, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar, plan);
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    List<Line> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String s;
      while ((s = r.readLine()) != null) {
        lines.add(new Line(System.nanoTime(), s));
      }
    }
    p.waitFor();
    return lines;
  }

  /** Without the tool's completion line (percent 100), which the rate rule never holds back. */
  static List<Line> notFinal(List<Line> ls) {
    return ls.stream().filter(l -> !l.text().contains("\"percent\":100.0")).toList();
  }

  static List<Line> progress(List<Line> all) {
    return all.stream().filter(l -> l.text().startsWith("TASK_PROGRESS:")).toList();
  }

  static long first(List<Line> all, String prefix) {
    return all.stream().filter(l -> l.text().startsWith(prefix)).findFirst().orElseThrow().nanos();
  }

  static int maxPerSecond(List<Line> ls) {
    int max = 0;
    for (int i = 0; i < ls.size(); i++) {
      int n = 0;
      for (int j = i; j < ls.size() && ls.get(j).nanos() - ls.get(i).nanos() < 1_000_000_000L; j++) {
        n++;
      }
      max = Math.max(max, n);
    }
    return max;
  }

  static long bytes(List<Line> ls) {
    return ls.stream().mapToLong(l -> l.text().getBytes(StandardCharsets.UTF_8).length + 1).sum();
  }

  static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  static String stats(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    if (s.isEmpty()) {
      return "- | - | -";
    }
    return fmt(s.get(s.size() / 2)) + " s | " + fmt(s.get((int) Math.min(s.size() - 1, Math.ceil(s.size() * 0.95) - 1)))
        + " s | " + fmt(s.get(s.size() - 1)) + " s";
  }

  static String list(List<Double> v) {
    List<String> s = new ArrayList<>();
    v.forEach(d -> s.add(fmt(d)));
    return "[" + String.join(",", s) + "]";
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }
}
