package servicerunner.task.ping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import servicerunner.exec.Decoding;
import servicerunner.figures.Rating;
import servicerunner.figures.SampleStats;
import servicerunner.json.Json;

/**
 * Parses ping output (Windows in any language, iputils, BSD/macOS) into the ping_test summary. Pure: text in, summary
 * out.
 *
 * <p>Only lines carrying {@code TTL=} (any case) are echo replies (or, for IPv6 on Windows, a time without TTL). Windows counts "Reply from X: Destination host
 * unreachable." as Received and may exit 0 (tool-outputs.md section 10, ss64), so the statistics line alone would
 * report an unreachable host as 0% loss. The number of received packets is therefore the number of TTL lines, and
 * the tool's own figures are kept beside it ({@code packets.reported_received}).
 *
 * <p>The statistics are matched by shape, not words ({@code = 4, ... = 3, ... = 1 (25%}), so German or French
 * Windows output parses too. {@code time<1ms} is counted as 0.5 ms: the reply took somewhere in [0, 1) ms and the
 * midpoint keeps averages unbiased; the tool's own Minimum line still says 0ms.
 */
public final class PingOutputParser {
  private PingOutputParser() {}

  private static final Pattern TTL = Pattern.compile("ttl[=:]\\s*\\d+", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME = Pattern.compile("([=<])\\s*(\\d+(?:[.,]\\d+)?)\\s*ms\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WIN_STATS =
      Pattern.compile("=\\s*(\\d+),[^=\\d]*=\\s*(\\d+),[^=\\d]*=\\s*(\\d+)\\s*\\((\\d+)\\s*%");
  private static final Pattern WIN_RTT =
      Pattern.compile("=\\s*(\\d+)\\s*ms,[^=\\d]*=\\s*(\\d+)\\s*ms,[^=\\d]*=\\s*(\\d+)\\s*ms", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNIX_STATS =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received.*?([\\d.]+)% packet loss");
  private static final Pattern UNIX_RTT =
      Pattern.compile("=\\s*([\\d.]+)/([\\d.]+)/([\\d.]+)/([\\d.]+)\\s*ms");
  private static final Pattern UNREACHABLE = Pattern.compile(
      "unreachable|nicht erreichbar|inaccessible|inalcanzable|no se puede obtener acceso|irraggiungibile",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UNKNOWN_HOST = Pattern.compile(
      "could not find host|name or service not known|temporary failure in name resolution|cannot resolve"
          + "|unknown host|no address associated|konnte Host .* nicht finden|Non-recoverable failure in name resolution",
      Pattern.CASE_INSENSITIVE);

  /** Decodes raw ping bytes: UTF-8 when valid (Linux, or Windows with the UTF-8 code page), else the OEM page. */
  public static String decode(byte[] raw, Charset oemFallback) {
    return Decoding.decode(raw, Decoding.sniff(raw, raw.length, oemFallback));
  }

  /**
   * @param output stdout followed by stderr
   * @param host the target as the plan gave it (for messages), or null
   */
  public static ObjectNode parse(String output, String host) {
    String target = host == null || host.isBlank() ? "the host" : host;
    String[] lines = output.split("\r\n|\r|\n");
    List<Double> samples = new ArrayList<>();
    int unreachableLines = 0;
    String unknownHostLine = null;
    Integer sent = null;
    Integer reportedReceived = null;
    Double reportedLoss = null;
    Double min = null;
    Double avg = null;
    Double max = null;
    Double mdev = null;
    List<String> nonEmpty = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      nonEmpty.add(line);
      if (isReply(line)) {
        Matcher t = TIME.matcher(line);
        if (t.find()) {
          double v = Double.parseDouble(t.group(2).replace(',', '.'));
          samples.add("<".equals(t.group(1)) ? v / 2 : v);
        } else {
          samples.add(Double.NaN); // a reply without a time (never seen): counted, kept out of the statistics
        }
        continue;
      }
      if (UNREACHABLE.matcher(line).find()) {
        unreachableLines++;
      }
      if (unknownHostLine == null && UNKNOWN_HOST.matcher(line).find()) {
        unknownHostLine = line;
      }
      Matcher m = UNIX_STATS.matcher(line);
      if (m.find()) {
        sent = Integer.parseInt(m.group(1));
        reportedReceived = Integer.parseInt(m.group(2));
        reportedLoss = Double.parseDouble(m.group(3));
        continue;
      }
      m = WIN_STATS.matcher(line);
      if (m.find()) {
        sent = Integer.parseInt(m.group(1));
        reportedReceived = Integer.parseInt(m.group(2));
        reportedLoss = Double.parseDouble(m.group(4));
        continue;
      }
      m = UNIX_RTT.matcher(line);
      if (m.find()) {
        min = Double.parseDouble(m.group(1));
        avg = Double.parseDouble(m.group(2));
        max = Double.parseDouble(m.group(3));
        mdev = Double.parseDouble(m.group(4));
        continue;
      }
      m = WIN_RTT.matcher(line);
      if (m.find()) { // Windows order is Minimum, Maximum, Average in every language
        min = Double.parseDouble(m.group(1));
        max = Double.parseDouble(m.group(2));
        avg = Double.parseDouble(m.group(3));
      }
    }
    List<Double> timed = samples.stream().filter(d -> !d.isNaN()).toList();
    int replies = samples.size();
    boolean truncated = output.contains(" bytes not kept ...]");
    // With a truncated capture some reply lines may be missing: then the tool's count is the better figure.
    int received = truncated && reportedReceived != null ? reportedReceived : replies;
    if (sent == null) {
      sent = replies + countTimeouts(nonEmpty);
    }
    if (sent < received) {
      sent = received;
    }
    int lost = sent - received;
    Double lossPercent = sent > 0 ? Json.round(lost * 100.0 / sent, 2) : null;

    SampleStats stats = SampleStats.of(timed);
    if (received == 0) {
      min = avg = max = mdev = null;
    } else if (avg == null && stats != null) {
      min = stats.min();
      avg = stats.mean();
      max = stats.max();
    }
    if (mdev == null && stats != null) {
      mdev = stats.stdev();
    }

    ObjectNode s = Json.object();
    ObjectNode packets = s.putObject("packets");
    packets.put("sent", sent);
    packets.put("received", received);
    packets.put("lost", lost);
    packets.put("loss_percent", lossPercent);
    if (reportedReceived != null) {
      packets.put("reported_received", reportedReceived);
    }
    packets.put("reported_loss_percent", reportedLoss);
    ObjectNode latency = s.putObject("latency_ms");
    latency.put("min", Json.rounded(min, 3));
    latency.put("avg", Json.rounded(avg, 3));
    latency.put("max", Json.rounded(max, 3));
    latency.put("mdev", Json.rounded(mdev, 3));
    ObjectNode is = s.putObject("interval_stats");
    is.put("samples", stats == null ? 0 : stats.samples());
    SampleStats.put(is, stats, 1, 3, "", "mean", "median", "p10", "p90", "stdev");
    s.put("unreachable_replies", unreachableLines);
    s.put("packet_loss_percent", lossPercent);
    s.put("average_latency_ms", Json.rounded(avg, 3));
    s.put("message", lastLines(nonEmpty, 5));

    boolean success = received > 0 && lossPercent != null && lossPercent < 100;
    s.put("success", success);
    ObjectNode hr = s.putObject("human_readable");
    ArrayNode notes = hr.putArray("notes");
    if (success) {
      int score = score(lossPercent, stats, notes);
      hr.put("stability_score", score);
      hr.put("verdict", Rating.of(score));
    } else {
      hr.put("stability_score", 0);
      String error;
      String verdict;
      if (unknownHostLine != null && replies == 0) {
        verdict = "host_not_found";
        error = "Host not found: " + target + " (" + unknownHostLine + ")";
      } else if (unreachableLines > 0) {
        verdict = "unreachable";
        error = "Host unreachable: " + target + " (" + unreachableLines + " of " + sent
            + " replies said \"Destination host unreachable\", none was an echo reply)";
      } else if (sent > 0) {
        verdict = "no_reply";
        error = "No reply from " + target + ": " + lost + " of " + sent + " packets lost";
      } else {
        verdict = "failed";
        error = "ping produced no result" + (nonEmpty.isEmpty() ? "" : ": " + nonEmpty.get(nonEmpty.size() - 1));
      }
      hr.put("verdict", verdict);
      notes.add(error);
      s.put("error", error);
    }
    return s;
  }

  /**
   * An echo reply: a line with {@code TTL=}, or, because Windows prints no TTL for IPv6 ("Reply from ::1:
   * time<1ms"), a line with a round-trip time that is neither the RTT summary nor an unreachable message.
   */
  static boolean isReply(String line) {
    if (TTL.matcher(line).find()) {
      return true;
    }
    return TIME.matcher(line).find() && !WIN_RTT.matcher(line).find() && !UNREACHABLE.matcher(line).find();
  }

  /** Stability score per protocol 7.2: loss, latency and jitter penalties from 100. */
  static int score(double lossPercent, SampleStats stats, ArrayNode notes) {
    double score = 100 - Math.min(80, lossPercent * 1.2);
    if (lossPercent > 0) {
      notes.add("packet loss " + fmt(lossPercent) + "%");
    }
    if (stats != null) {
      if (stats.mean() > 200) {
        score -= 25;
        notes.add("high latency " + fmt(stats.mean()) + " ms");
      } else if (stats.mean() > 100) {
        score -= 12;
        notes.add("latency " + fmt(stats.mean()) + " ms");
      }
      // Deliberate deviation from the reference: a spread below 0.5 ms (loopback, LAN) is timer noise, and the
      // coefficient of variation of 0.05 ms replies would otherwise call a perfect link "very unstable".
      if (stats.stdev() >= 0.5) {
        if (stats.cov() > 0.5) {
          score -= 20;
          notes.add("very unstable (jitter " + fmt(stats.stdev()) + " ms)");
        } else if (stats.cov() > 0.25) {
          score -= 10;
          notes.add("unstable (jitter " + fmt(stats.stdev()) + " ms)");
        }
      }
    }
    return (int) Math.round(Math.max(0, score));
  }

  /** "Request timed out." lines and their translations have no IP and no TTL; count lines ending a timeout. */
  private static int countTimeouts(List<String> lines) {
    return (int) lines.stream().map(l -> l.toLowerCase(Locale.ROOT))
        .filter(l -> l.contains("timed out") || l.contains("zeitüberschreitung") || l.contains("délai d'attente"))
        .count();
  }

  private static String lastLines(List<String> lines, int n) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.valueOf(Json.round(d, 1));
  }
}
