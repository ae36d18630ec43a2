package servicerunner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import servicerunner.report.view.Text;

/** The one small chart a task type gets where a picture says more than its figures; "" when there is none. */
final class Charts {
  private Charts() {}

  static String of(String type, JsonNode s) {
    switch (type) {
      case "ping_test":
        return ping(s);
      case "iperf_test":
        return iperf(s);
      case "disk_space_report":
        return disks(s);
      case "battery_health_report":
        return battery(s);
      case "bleachbit_clean":
        return cleanup(s);
      case "speedtest":
        return bars("Internet speed", s, "info", Fmt.MBPS,
            new String[] {"Download", "human_readable.download_mbps"}, new String[] {"Upload", "human_readable.upload_mbps"});
      case "winsat_disk":
        return bars("Disk throughput", s, "info", Fmt.MBYTES_S,
            new String[] {"Random read", "results.random_read_mbps"},
            new String[] {"Sequential read", "results.sequential_read_mbps"},
            new String[] {"Sequential write", "results.sequential_write_mbps"});
      default:
        return "";
    }
  }

  private static String ping(JsonNode s) {
    return bars("Ping round-trip times", s, "info", Fmt.MS,
        new String[] {"Min", "latency_ms.min"}, new String[] {"10th percentile", "interval_stats.p10"},
        new String[] {"Median", "interval_stats.median"}, new String[] {"Average", "latency_ms.avg"},
        new String[] {"90th percentile", "interval_stats.p90"}, new String[] {"Max", "latency_ms.max"});
  }

  private static String iperf(JsonNode s) {
    JsonNode series = s.get("throughput_over_time_mbps");
    if (series == null || !series.isArray()) {
      return "";
    }
    List<Double> ys = new ArrayList<>();
    for (JsonNode n : series) {
      Double d = Text.num(n);
      if (d == null) {
        return ""; // a gap would draw a false line
      }
      ys.add(d);
    }
    Double step = Text.num(s.get("interval_seconds"));
    String end = Text.duration((step == null ? 1 : step) * ys.size());
    return Svg.line("Throughput over time", ys, "Mbit/s", "0 s", end == null ? "" : end);
  }

  private static String disks(JsonNode s) {
    JsonNode drives = s.get("drives");
    if (drives == null || !drives.isArray()) {
      return "";
    }
    double warn = orElse(Text.num(s.get("warn_percent")), 80);
    double crit = orElse(Text.num(s.get("critical_percent")), 90);
    List<Svg.Bar> bars = new ArrayList<>();
    for (JsonNode d : drives) {
      Double pct = Text.num(d.get("usage_percent"));
      String name = Text.of(d.get("drive"));
      if (pct == null || name == null) {
        continue;
      }
      String tone = pct >= crit ? "bad" : pct >= warn ? "warn" : "good";
      String free = Fmt.GB.format(d.get("free_gb"));
      bars.add(new Svg.Bar(name, pct, Text.number(pct) + " %" + (free == null ? "" : ", " + free + " free"), tone));
    }
    return Svg.bars("Disk usage per volume", bars, 100.0);
  }

  private static String battery(JsonNode s) {
    JsonNode list = s.get("batteries");
    List<Svg.Bar> bars = new ArrayList<>();
    if (list != null && list.isArray()) {
      int i = 1;
      for (JsonNode b : list) {
        Double cap = Text.num(b.get("capacity_percent"));
        String name = Text.of(b.get("model"));
        if (cap != null) {
          bars.add(new Svg.Bar(name == null ? "Battery " + i : name, cap, Text.number(cap) + " % of design", capTone(cap)));
        }
        i++;
      }
      return Svg.bars("Battery capacity against design", bars, 100.0);
    }
    Double full = Text.num(s.get("energy_full_wh"));
    Double design = Text.num(s.get("energy_full_design_wh"));
    Double cap = Text.num(s.get("capacity_percent"));
    if (full != null && design != null) {
      bars.add(new Svg.Bar("Design capacity", design, Fmt.WH.format(s.get("energy_full_design_wh")), "info"));
      bars.add(new Svg.Bar("Full charge now", full, Fmt.WH.format(s.get("energy_full_wh")),
          capTone(cap != null ? cap : 100 * full / design)));
      return Svg.bars("Battery wear", bars, null);
    }
    if (cap != null) {
      bars.add(new Svg.Bar("Capacity", cap, Text.number(cap) + " % of design", capTone(cap)));
    }
    return Svg.bars("Battery wear", bars, 100.0);
  }

  private static String capTone(double capacityPercent) {
    return capacityPercent >= 80 ? "good" : capacityPercent >= 50 ? "warn" : "bad";
  }

  /** The biggest items BleachBit deleted (or would delete), by size. */
  private static String cleanup(JsonNode s) {
    JsonNode files = s.get("deleted_files");
    if (files == null || !files.isArray()) {
      return "";
    }
    List<JsonNode> sized = new ArrayList<>();
    files.forEach(f -> {
      Double b = Text.num(f.get("size_bytes"));
      if (b != null && b > 0 && Text.of(f.get("path")) != null) {
        sized.add(f);
      }
    });
    sized.sort(Comparator.comparingDouble((JsonNode f) -> Text.num(f.get("size_bytes"))).reversed());
    List<Svg.Bar> bars = new ArrayList<>();
    for (JsonNode f : sized.subList(0, Math.min(8, sized.size()))) {
      String path = Text.of(f.get("path"));
      String name = path.replaceAll("[\\\\/]+$", "");
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
      double b = Text.num(f.get("size_bytes"));
      bars.add(new Svg.Bar(name.isEmpty() ? path : name, b, Text.bytes(b), "info"));
    }
    return Svg.bars("Largest items cleaned", bars, null);
  }

  private static String bars(String title, JsonNode s, String tone, Fmt fmt, String[]... pairs) {
    List<Svg.Bar> bars = new ArrayList<>();
    for (String[] p : pairs) {
      JsonNode n = KeyFigures.at(s, p[1]);
      Double d = Text.num(n);
      if (d != null) {
        bars.add(new Svg.Bar(p[0], d, fmt.format(n), tone));
      }
    }
    return bars.size() < 2 ? "" : Svg.bars(title, bars, null);
  }

  private static double orElse(Double d, double fallback) {
    return d == null ? fallback : d;
  }
}
