package servicerunner.task.iperf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import servicerunner.figures.Rating;
import servicerunner.figures.SampleStats;
import servicerunner.json.Json;

/**
 * Turns iperf3 {@code --json} output into the iperf_test summary. Pure: text in, summary out.
 *
 * <p>Success is never read from the exit code alone: iperf3 3.12 (Debian 12) exits 0 even when the JSON carries
 * {@code "error": "unable to connect to server: Connection refused"} (recorded in
 * fixtures/tool-output/iperf_test/refused.rc0.utf8).
 */
public final class IperfResultParser {
  private IperfResultParser() {}

  /** Phrases (iperf_error.c and OS messages) that mean the client never got a test running with the server. */
  static final List<String> CONNECTION_PHRASES = List.of("unable to connect", "connection refused",
      "connection timed out", "no route to host", "connection reset", "server may have stopped",
      "server is busy", "operation timed out", "unable to receive control message", "name or service not known",
      "unable to resolve host");

  /** What the parser needs besides the output. */
  public record Options(Double thresholdBps, boolean includeIntervals, boolean includeRaw) {
    public static final Options DEFAULT = new Options(null, false, false);
  }

  public static ObjectNode parse(String stdout, String stderr, Integer exitCode, Options opt) {
    ObjectNode s = Json.object();
    JsonNode root = parseJson(stdout);
    String iperfError = root == null ? null : Json.text(root.get("error"));
    String combined = ((iperfError == null ? "" : iperfError) + "\n" + stderr + "\n"
        + (root == null ? stdout : "")).toLowerCase(Locale.ROOT);
    boolean connectionProblem = CONNECTION_PHRASES.stream().anyMatch(combined::contains);

    JsonNode testStart = root == null ? null : root.path("start").path("test_start");
    boolean udp = testStart != null && "UDP".equalsIgnoreCase(testStart.path("protocol").asText());
    boolean reverse = testStart != null && testStart.path("reverse").asInt() == 1;
    JsonNode end = root == null ? Json.object() : root.path("end");

    ObjectNode agg = s.putObject("aggregates");
    agg.put("bits_per_second_sender", Json.number(end.path("sum_sent").get("bits_per_second")));
    agg.put("bits_per_second_receiver", Json.number(end.path("sum_received").get("bits_per_second")));
    Double retransmits = Json.number(end.path("sum_sent").get("retransmits"));
    agg.put("retransmits", retransmits);
    // UDP jitter and loss sit in end.sum (the reference read end.streams[0].receiver and never found them)
    Double jitter = udp ? firstNum(end.path("sum").get("jitter_ms"), end.path("streams").path(0).path("udp").get("jitter_ms")) : null;
    Double loss = udp ? firstNum(end.path("sum").get("lost_percent"), end.path("streams").path(0).path("udp").get("lost_percent")) : null;
    agg.put("jitter_ms", Json.rounded(jitter, 3));
    agg.put("packet_loss_percent", Json.rounded(loss, 3));
    JsonNode cpu = end.get("cpu_utilization_percent");
    agg.set("cpu_utilization_percent", cpu != null && cpu.isObject() ? cpu.deepCopy() : null);

    List<Double> bps = new ArrayList<>();
    ArrayNode overTime = Json.array();
    ArrayNode intervals = Json.array();
    if (root != null) {
      for (JsonNode iv : root.path("intervals")) {
        JsonNode sum = iv.path("sum");
        Double b = Json.number(sum.get("bits_per_second"));
        if (b == null || sum.path("omitted").asBoolean(false)) {
          continue; // --omit warm-up intervals are not part of the measurement
        }
        bps.add(b);
        overTime.add(Json.round(b / 1e6, 2));
        intervals.add(Json.object().put("start", sum.path("start").asDouble()).put("end", sum.path("end").asDouble())
            .put("bits_per_second", b).put("bytes", sum.path("bytes").asLong()));
      }
    }
    SampleStats st = SampleStats.of(bps);
    int zero = 0;
    int below = 0;
    for (double b : bps) {
      if (b <= 0) {
        zero++;
      }
      if (opt.thresholdBps() != null && b < opt.thresholdBps()) {
        below++;
      }
    }
    ObjectNode is = s.putObject("interval_stats");
    is.put("samples", bps.size());
    SampleStats.put(is, st, 1, 1, "_bps", "mean", "median", "min", "max", "stdev");
    is.put("cov", st == null ? null : Json.rounded(st.cov(), 4));
    SampleStats.put(is, st, 1, 1, "_bps", "p10", "p90");
    is.put("zero_throughput_intervals", zero);
    if (opt.thresholdBps() != null) {
      is.put("below_threshold_intervals", below);
    }
    s.set("throughput_over_time_mbps", overTime);
    if (opt.includeIntervals()) {
      s.set("intervals", intervals);
    }
    if (opt.includeRaw() && root != null) {
      s.set("raw", root);
    }

    ObjectNode hr = s.putObject("human_readable");
    hr.put("protocol", udp ? "UDP" : "TCP");
    hr.put("direction", reverse ? "download" : "upload");
    ObjectNode tp = hr.putObject("throughput");
    tp.put("unit", "Mbps");
    SampleStats.put(tp, st, 1e6, 2, "", "mean", "median", "p10", "p90", "min", "max", "stdev");
    tp.put("cov_percent", st == null ? null : Json.rounded(st.cov() * 100, 2));
    tp.put("samples", bps.size());
    if (opt.thresholdBps() != null) {
      tp.put("below_threshold_percent", bps.isEmpty() ? null : Json.rounded(below * 100.0 / bps.size(), 1));
      tp.put("threshold_mbps", Json.round(opt.thresholdBps() / 1e6, 2));
    }
    ArrayNode notes = hr.putArray("notes");
    if (udp) {
      ObjectNode q = hr.putObject("udp_quality");
      q.put("jitter_ms", Json.rounded(jitter, 3));
      q.put("loss_percent", Json.rounded(loss, 3));
    }

    String error = null;
    if (root == null) {
      error = connectionProblem ? "iperf3 could not connect: " + firstLine(stderr, stdout)
          : "iperf3 printed no JSON result" + (firstLine(stderr, stdout).isEmpty() ? "" : ": " + firstLine(stderr, stdout));
    } else if (iperfError != null) {
      error = "iperf3: " + iperfError;
    } else if (connectionProblem) {
      error = "iperf3 lost the connection: " + firstLine(stderr, "");
    } else if (exitCode != null && exitCode != 0) {
      error = "iperf3 exited with code " + exitCode;
    } else if (bps.isEmpty() && Json.number(end.path("sum_received").get("bits_per_second")) == null
        && Json.number(end.path("sum").get("bits_per_second")) == null) {
      error = "iperf3 reported no measurements";
    }
    if (error != null) {
      s.put("success", false);
      s.put("error", error);
      hr.put("stability_score", 0);
      if (connectionProblem) {
        hr.put("verdict", "connection_failed");
        // reason is what TASK_FAIL shows, so it starts with the error itself and stays on one line (B18)
        s.put("reason", error + ". " + (combined.contains("busy")
            ? "The iperf3 server is busy with another test (it serves one client at a time); try again in a minute."
            : "Check that iperf3 -s runs on the server and listens on this port, that a firewall allows the port,"
                + " and that the server address is right."));
      } else {
        hr.put("verdict", "failed");
      }
      notes.add(error);
      return s;
    }
    s.put("success", true);
    int score = score(st, zero, retransmits, loss, notes);
    hr.put("stability_score", score);
    hr.put("verdict", Rating.of(score));
    return s;
  }

  /** Stability score per protocol 7.2. */
  static int score(SampleStats st, int zeroIntervals, Double retransmits, Double udpLoss, ArrayNode notes) {
    double score = 100;
    if (st != null) {
      double covPct = st.cov() * 100;
      score -= Math.min(50, covPct * 1.5);
      if (covPct >= 10) {
        notes.add("throughput varies by " + Json.round(covPct, 1) + "% between intervals");
      }
    }
    if (zeroIntervals > 0) {
      score -= 30;
      notes.add(zeroIntervals + " interval(s) with no throughput (stall)");
    }
    if (retransmits != null && retransmits > 0) {
      score -= Math.min(20, 2 + Math.sqrt(retransmits));
      notes.add((long) (double) retransmits + " TCP retransmits");
    }
    if (udpLoss != null) {
      if (udpLoss >= 5) {
        score -= 60;
      } else if (udpLoss >= 1) {
        score -= 30;
      } else if (udpLoss > 0) {
        score -= 10;
      }
      if (udpLoss > 0) {
        notes.add("UDP packet loss " + Json.round(udpLoss, 2) + "%");
      }
    }
    return (int) Math.round(Math.max(0, score));
  }

  /** The JSON object iperf3 printed; tolerates text before it (warnings) and returns null when there is none. */
  static JsonNode parseJson(String stdout) {
    int start = stdout.indexOf('{');
    int end = stdout.lastIndexOf('}');
    if (start < 0 || end < start) {
      return null;
    }
    return Json.lenientObject(stdout.substring(start, end + 1)); // iperf3 may repeat keys (see Json)
  }

  private static String firstLine(String a, String b) {
    for (String t : new String[] {a, b}) {
      for (String l : t.split("\r\n|\r|\n")) {
        if (!l.isBlank()) {
          String line = l.strip();
          return line.startsWith("iperf3: ") ? line.substring(8) : line;
        }
      }
    }
    return "";
  }

  private static Double firstNum(JsonNode a, JsonNode b) {
    Double x = Json.number(a);
    return x != null ? x : Json.number(b);
  }
}
