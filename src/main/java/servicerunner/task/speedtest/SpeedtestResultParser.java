package servicerunner.task.speedtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import servicerunner.figures.Rating;
import servicerunner.json.Json;
import servicerunner.text.Text;

/**
 * Parses the JSON of sivel's speedtest-cli ({@code --json}: speeds in bits/s) or Ookla's speedtest
 * ({@code --format=json}: {@code bandwidth} in bytes/s) into the speedtest summary. Pure: text in, summary out. The
 * format is recognised from the JSON itself, so a Debian {@code speedtest} (which is speedtest-cli) parses too.
 */
public final class SpeedtestResultParser {
  private SpeedtestResultParser() {}

  public static ObjectNode parse(String stdout, String stderr, Integer exitCode) {
    List<JsonNode> objects = jsonObjects(stdout);
    JsonNode result = null;
    List<String> toolErrors = new ArrayList<>();
    for (JsonNode o : objects) {
      if ("result".equals(o.path("type").asText()) || o.path("download").isNumber()) {
        result = o;
      } else if ("log".equals(o.path("type").asText()) && "error".equals(o.path("level").asText())) {
        toolErrors.add(o.path("message").asText().strip()); // Ookla reports failures as log objects
      }
    }
    toolErrors.addAll(errorLines(stderr));
    if (result == null) {
      toolErrors.addAll(errorLines(stdout));
    }

    ObjectNode s = Json.object();
    ObjectNode hr = Json.object();
    ArrayNode notes = Json.array();
    if (result == null || (exitCode != null && exitCode != 0)) {
      // without an ERROR: line, a Python traceback's last line names the exception and its message
      String why = toolErrors.isEmpty() ? lastLine(stderr, stdout) : String.join(": ", new java.util.LinkedHashSet<>(toolErrors));
      String error = why.isEmpty()
          ? (exitCode != null && exitCode != 0 ? "speed test exited with code " + exitCode : "speed test printed no result")
          : why;
      s.put("error", "Speed test failed: " + error);
      s.put("reason", s.get("error").asText());
      Stream.of("download_mbps", "upload_mbps", "ping_ms", "jitter_ms").forEach(hr::putNull);
      hr.put("verdict", "failed");
      hr.put("score", 0);
      hr.put("rating_stars", 0);
      notes.add(s.get("error").asText());
      hr.set("notes", notes);
      s.set("human_readable", hr);
      s.put("success", false);
      return s;
    }

    boolean ookla = "result".equals(result.path("type").asText()) || result.path("download").isObject();
    Double down;
    Double up;
    Double ping;
    Double jitter = null;
    String server;
    String isp;
    String shareUrl;
    if (ookla) {
      down = bytesToMbps(result.path("download").get("bandwidth"));
      up = bytesToMbps(result.path("upload").get("bandwidth"));
      ping = Json.number(result.path("ping").get("latency"));
      jitter = Json.number(result.path("ping").get("jitter"));
      JsonNode srv = result.path("server");
      server = join(srv.path("name").asText(""), srv.path("location").asText(""), srv.path("country").asText(""));
      isp = Json.text(result.get("isp"));
      shareUrl = Json.text(result.path("result").get("url"));
      Double loss = Json.number(result.get("packetLoss"));
      if (loss != null) {
        hr.put("packet_loss_percent", Json.round(loss, 2));
      }
    } else {
      down = bitsToMbps(result.get("download"));
      up = bitsToMbps(result.get("upload"));
      ping = Json.number(result.get("ping"));
      JsonNode srv = result.path("server");
      server = join(srv.path("sponsor").asText(""), srv.path("name").asText(""), srv.path("country").asText(""));
      isp = Json.text(result.path("client").get("isp"));
      shareUrl = Json.text(result.get("share"));
    }
    // speedtest-cli reports 0 for a phase it skipped (--no-download / --no-upload): that is "not measured"
    if (down != null && down == 0 && !ookla) {
      down = null;
    }
    if (up != null && up == 0 && !ookla) {
      up = null;
    }
    hr.put("download_mbps", down);
    hr.put("upload_mbps", up);
    hr.put("ping_ms", Json.rounded(ping, 2));
    hr.put("jitter_ms", Json.rounded(jitter, 2));
    hr.put("server_description", server);
    hr.put("isp", isp);
    int score = score(down, up, ping, notes);
    hr.put("verdict", Rating.of(score));
    hr.set("notes", notes);
    hr.put("score", score);
    hr.put("rating_stars", Rating.stars(score));
    hr.put("provider", ookla ? "ookla" : "speedtest-cli");
    s.set("results", result.deepCopy());
    s.set("human_readable", hr);
    if (shareUrl != null) {
      s.put("share_url", shareUrl);
    }
    s.put("success", true);
    return s;
  }

  /** Score per protocol 7.2; a phase that was not measured costs nothing. */
  static int score(Double down, Double up, Double ping, ArrayNode notes) {
    int score = 100;
    if (ping != null && ping > 100) {
      score -= 20;
      notes.add("high latency " + Math.round(ping) + " ms");
    } else if (ping != null && ping > 50) {
      score -= 10;
      notes.add("latency " + Math.round(ping) + " ms");
    }
    if (down != null && down < 10) {
      score -= 40;
      notes.add("slow download " + down + " Mbps");
    } else if (down != null && down < 25) {
      score -= 20;
      notes.add("modest download " + down + " Mbps");
    }
    if (up != null && up < 5) {
      score -= 25;
      notes.add("slow upload " + up + " Mbps");
    }
    return Math.max(0, score);
  }

  /**
   * Every JSON object in the output: one per line (Ookla jsonl, or license text before the JSON), else the span
   * from the first '{' to the last '}' (pretty-printed JSON).
   */
  static List<JsonNode> jsonObjects(String text) {
    List<JsonNode> out = Arrays.stream(Text.lines(text)).map(String::strip)
        .filter(t -> t.startsWith("{") && t.endsWith("}")).map(Json::lenientObject).filter(Objects::nonNull).toList();
    int a = text.indexOf('{');
    int b = text.lastIndexOf('}');
    if (!out.isEmpty() || a < 0 || b <= a) {
      return out;
    }
    JsonNode n = Json.lenientObject(text.substring(a, b + 1));
    return n == null ? List.of() : List.of(n);
  }

  /** speedtest-cli: "ERROR: msg" plus the plain lines before it ("Cannot retrieve speedtest configuration"). */
  static List<String> errorLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("{") || t.startsWith("Traceback") || t.startsWith("File ")) {
        continue;
      }
      if (t.startsWith("ERROR: ")) {
        out.add(t.substring(7).strip());
      } else if (t.startsWith("[error] ")) {
        out.add(t.substring(8).strip());
      } else if (t.startsWith("Cannot ") || t.startsWith("Unable ")) {
        out.add(t);
      }
    }
    return out;
  }

  private static String lastLine(String a, String b) {
    String last = Text.lastLine(a);
    return last.isEmpty() ? Text.lastLine(b) : last;
  }

  private static Double bitsToMbps(JsonNode n) {
    return n != null && n.isNumber() ? Json.round(n.asDouble() / 1e6, 2) : null;
  }

  private static Double bytesToMbps(JsonNode n) {
    return n != null && n.isNumber() ? Json.round(n.asDouble() * 8 / 1e6, 2) : null;
  }

  private static String join(String... parts) {
    return String.join(", ", Arrays.stream(parts).filter(s -> !s.isBlank()).map(String::strip).toList());
  }
}
