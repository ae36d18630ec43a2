package servicerunner.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import servicerunner.json.Json;

/**
 * Cuts the JSON a script printed between two marker lines. The reference took everything between the first '{' and
 * the last '}' of stdout, so a progress line with braces broke the parse (protocol bug B16); unique markers cannot
 * collide with log text.
 */
public final class MarkedJson {
  private MarkedJson() {}

  public static Optional<JsonNode> extract(String stdout, String begin, String end) {
    int b = stdout.lastIndexOf(begin);
    if (b < 0) {
      return Optional.empty();
    }
    int from = b + begin.length();
    int e = stdout.indexOf(end, from);
    if (e < 0) {
      return Optional.empty();
    }
    String body = stdout.substring(from, e).trim();
    if (body.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.parse(body);
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (IOException ex) {
      return Optional.empty();
    }
  }
}
