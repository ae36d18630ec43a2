package servicerunner.task.winsat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import servicerunner.exec.Decoding;
import servicerunner.figures.Rating;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/**
 * Parses {@code winsat disk} text: metric lines {@code > <name>  <value> <unit>  <WEI subscore>} (Windows 10/11 and
 * the Windows 7 layout with its extra Responsiveness lines; {@code MB/s} and {@code MB / s} both occur,
 * tool-outputs.md section 9) and {@code > Total Run Time hh:mm:ss.ss}. Pure function.
 */
public final class WinsatOutputParser {
  private WinsatOutputParser() {}

  private static final Pattern METRIC = Pattern.compile(
      "^>\\s*(.+?)\\s+(\\d+(?:[.,]\\d+)?)\\s*(MB\\s*/\\s*s|ms/IO|ms|units|s)\\s+(\\d+(?:[.,]\\d+)?)\\s*$");
  private static final Pattern TOTAL = Pattern.compile("^>\\s*Total Run Time\\s+(\\d+):(\\d+):(\\d+(?:[.,]\\d+)?)");

  /** Metric name (whitespace collapsed) to the result key, per the reference summary. */
  private static final List<String[]> NAMES = List.of(
      new String[] {"Disk Random 16.0 Read", "random_read_mbps"},
      new String[] {"Disk Sequential 64.0 Read", "sequential_read_mbps"},
      new String[] {"Disk Sequential 64.0 Write", "sequential_write_mbps"},
      new String[] {"Average Read Time with Sequential Writes", "avg_read_time_seq_writes_ms"},
      new String[] {"Latency: 95th Percentile", "latency_95th_percentile_ms"},
      new String[] {"Latency: Maximum", "latency_max_ms"},
      new String[] {"Average Read Time with Random Writes", "avg_read_time_random_writes_ms"},
      new String[] {"Responsiveness: Average IO Rate", "responsiveness_avg_io_ms"});

  /** The verdict ids (human_readable.verdict) {@link #parse} gives, best first. */
  static final List<String> RATINGS = List.of("excellent", "good", "fair", "poor", "no_results");

  public record Request(String drive, String testMode) {}

  public static TaskOutcome parse(byte[] bytes, Charset oem, Integer exitCode, Request req) {
    String text = Decoding.decode(bytes, Decoding.sniff(bytes, bytes.length, oem));
    ObjectNode results = Json.object();
    List<Double> scores = new ArrayList<>();
    Double total = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.strip();
      Matcher t = TOTAL.matcher(line);
      if (t.find()) {
        total = Integer.parseInt(t.group(1)) * 3600 + Integer.parseInt(t.group(2)) * 60 + num(t.group(3));
        continue;
      }
      Matcher m = METRIC.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1).replaceAll("\\s+", " ");
      for (String[] n : NAMES) {
        if (n[0].equalsIgnoreCase(name) && !results.has(n[1])) {
          double score = num(m.group(4));
          results.put(n[1], num(m.group(2)));
          results.put(n[1].replaceFirst("_(mbps|ms)$", "") + "_score", score);
          scores.add(score);
        }
      }
    }
    if (total != null) {
      results.put("total_run_time_seconds", Json.round(total, 2));
    }

    ObjectNode s = Json.object();
    s.put("drive", req.drive());
    s.put("test_mode", req.testMode());
    s.put("duration_seconds", total == null ? null : Json.round(total, 2));
    Stream.of("random_read_mbps", "sequential_read_mbps", "sequential_write_mbps").filter(k -> !results.has(k))
        .forEach(results::putNull);
    s.set("results", results);
    s.put("exit_code", exitCode);
    ObjectNode hr = s.putObject("human_readable");
    List<String> notes = new ArrayList<>();
    String rating;
    if (scores.isEmpty()) {
      rating = "no_results";
      hr.put("verdict", rating);
      hr.putNull("score");
      hr.putNull("rating_stars");
    } else {
      double avg = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double score = Json.round(Math.min(100, avg / 9.9 * 100), 1);
      rating = Rating.of(score);
      hr.put("verdict", rating);
      hr.put("score", score);
      hr.put("rating_stars", Rating.stars(score));
      notes.add(String.format(Locale.ROOT, "Average WinSAT sub-score %.1f of 9.9 over %d metrics.", avg, scores.size()));
    }
    Status status;
    String sentence;
    if (exitCode == null || exitCode != 0) {
      status = Status.FAILURE;
      sentence = "winsat exited with code " + exitCode
          + (scores.isEmpty() ? " and reported no disk metrics" : "") + " (it needs administrator rights)";
      s.put("error", sentence);
    } else if (scores.isEmpty()) {
      status = Status.WARNING;
      sentence = "winsat finished but printed no disk metrics";
      s.put("warning", sentence);
      notes.add("No metric lines were recognised; the machine may have been busy (WinSAT interference).");
    } else {
      status = Status.SUCCESS;
      sentence = "Disk rated " + rating + " (" + hr.get("score").asText() + " of 100).";
    }
    notes.forEach(hr.putArray("notes")::add);
    return TaskOutcome.of(status, new Verdict(rating, sentence, notes), s);
  }

  private static double num(String s) {
    return Double.parseDouble(s.replace(',', '.'));
  }
}
