import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the bench samples into the table: reads metrics.tsv (id, label, unit, baseline id or -, target text,
 * target kind:limit) and samples.tsv (id, value) and meta.tsv (key, value); writes Markdown and JSON.
 * Target kinds: "max:150" (median must be <= 150), "ratio:4" (median / baseline median <= 4), "min-ratio:15"
 * (baseline median / median >= 15), "-" (informational).
 */
final class Report {
  record Metric(String id, String label, String unit, String baseline, String targetText, String target) {}

  public static void main(String[] a) throws IOException {
    Path dir = Path.of(a[0]);
    String stem = a[1];
    List<Metric> metrics = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("metrics.tsv"))) {
      String[] f = line.split("\t", -1);
      metrics.add(new Metric(f[0], f[1], f[2], f[3], f[4], f[5]));
    }
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("samples.tsv"))) {
      String[] f = line.split("\t");
      if (f.length == 2 && !f[1].isBlank()) {
        samples.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("meta.tsv"))) {
      String[] f = line.split("\t", 2);
      meta.put(f[0], f.length > 1 ? f[1] : "");
    }
    StringBuilder md = new StringBuilder();
    StringBuilder js = new StringBuilder("{\n  \"meta\": {");
    boolean first = true;
    md.append("# service-runner bench ").append(meta.getOrDefault("date", "")).append("\n\n");
    for (Map.Entry<String, String> e : meta.entrySet()) {
      md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      js.append(first ? "\n" : ",\n").append("    ").append(q(e.getKey())).append(": ").append(q(e.getValue()));
      first = false;
    }
    js.append("\n  },\n  \"metrics\": [");
    md.append("\n| measurement | unit | runs | min | median | max | baseline | ratio | target | met |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |\n");
    first = true;
    int missed = 0;
    for (Metric m : metrics) {
      List<Double> v = samples.getOrDefault(m.id, List.of());
      double[] s = stats(v);
      Double ratio = null;
      String baseLabel = "";
      if (!m.baseline.equals("-")) {
        double[] b = stats(samples.getOrDefault(m.baseline, List.of()));
        if (b != null && s != null && b[1] != 0) {
          ratio = s[1] / b[1];
        }
        baseLabel = label(metrics, m.baseline);
      }
      Boolean met = null;
      if (s != null && !m.target.equals("-")) {
        String[] t = m.target.split(":");
        double lim = Double.parseDouble(t[1]);
        switch (t[0]) {
          case "max": met = s[1] <= lim; break;
          case "ratio": met = ratio != null && ratio <= lim; break;
          case "min-ratio": met = ratio != null && ratio > 0 && 1 / ratio >= lim; break;
          case "both": met = s[1] <= lim && ratio != null && ratio <= Double.parseDouble(t[2]); break;
          case "range": met = ratio != null && ratio >= lim && ratio <= Double.parseDouble(t[2]); break;
          default: met = null;
        }
        if (Boolean.FALSE.equals(met)) {
          missed++;
        }
      }
      String ratioText = ratio == null ? "" : m.target.startsWith("min-ratio") ? fmt(1 / ratio) + "x smaller" : fmt(ratio) + "x";
      md.append("| ").append(m.label).append(" | ").append(m.unit).append(" | ").append(v.size()).append(" | ")
          .append(s == null ? "" : fmt(s[0])).append(" | ").append(s == null ? "" : fmt(s[1])).append(" | ")
          .append(s == null ? "" : fmt(s[2])).append(" | ").append(baseLabel).append(" | ").append(ratioText)
          .append(" | ").append(m.targetText).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
      js.append(first ? "\n" : ",\n").append("    {\"id\": ").append(q(m.id)).append(", \"label\": ").append(q(m.label))
          .append(", \"unit\": ").append(q(m.unit)).append(", \"samples\": ").append(list(v))
          .append(", \"min\": ").append(s == null ? "null" : num(s[0])).append(", \"median\": ")
          .append(s == null ? "null" : num(s[1])).append(", \"max\": ").append(s == null ? "null" : num(s[2]))
          .append(", \"baseline\": ").append(m.baseline.equals("-") ? "null" : q(m.baseline))
          .append(", \"ratio\": ").append(ratio == null ? "null" : num(ratio))
          .append(", \"target\": ").append(q(m.targetText)).append(", \"met\": ").append(met == null ? "null" : met.toString())
          .append("}");
      first = false;
    }
    js.append("\n  ],\n  \"targets_missed\": ").append(missed).append("\n}\n");
    md.append("\nRatios compare medians. Targets are checked on the median.\n");
    Files.writeString(Path.of(stem + ".md"), md.toString(), StandardCharsets.UTF_8);
    Files.writeString(Path.of(stem + ".json"), js.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }

  private static String label(List<Metric> ms, String id) {
    for (Metric m : ms) {
      if (m.id.equals(id)) {
        return m.label;
      }
    }
    return id;
  }

  private static double[] stats(List<Double> v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    double med = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    return new double[] {s.get(0), med, s.get(n - 1)};
  }

  private static String fmt(double d) {
    if (Math.abs(d) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", d);
    }
    return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : Math.abs(d) >= 10 ? "%.1f" : "%.2f", d);
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String list(List<Double> v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(num(v.get(i)));
    }
    return b.append(']').toString();
  }

  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
