package servicerunner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import servicerunner.report.view.Text;

/** How a key figure's value is written; each returns null for an unknown value, so the figure is left out. */
enum Fmt {
  PLAIN,
  PCT,
  MS,
  MBPS,
  MBYTES_S,
  BYTES,
  KB,
  GB,
  SECONDS,
  MS_AS_SECONDS,
  MINUTES,
  CELSIUS,
  WH,
  SCORE,
  STARS,
  HEALTH,
  WORD,
  COUNT,
  LIST;

  String format(JsonNode n) {
    if (n == null) {
      return null;
    }
    switch (this) {
      case COUNT:
        return n.isArray() ? Integer.toString(n.size()) : Text.of(n);
      case LIST:
        return list(n);
      case HEALTH:
        return n.isBoolean() ? (n.asBoolean() ? "passed" : "FAILING") : Text.of(n);
      case WORD:
        return Text.humanise(Text.of(n));
      case PLAIN:
        return n.isArray() ? list(n) : Text.of(n);
      default:
        break;
    }
    Double d = Text.num(n);
    if (d == null) {
      return null;
    }
    switch (this) {
      case PCT:
        return Text.number(d) + " %";
      case MS:
        return Text.number(d) + " ms";
      case MBPS:
        return Text.number(d) + " Mbit/s";
      case MBYTES_S:
        return Text.number(d) + " MB/s";
      case BYTES:
        return Text.bytes(d);
      case KB:
        return Text.bytes(d * 1024);
      case GB:
        return Text.number(d) + " GB";
      case SECONDS:
        return Text.duration(d);
      case MS_AS_SECONDS:
        return Text.duration(d / 1000);
      case MINUTES:
        return Text.number(d) + " min";
      case CELSIUS:
        return Text.number(d) + " \u00B0C";
      case WH:
        return Text.number(d) + " Wh";
      case SCORE:
        return Text.number(d) + " / 100";
      case STARS:
        return Text.number(d) + " of 5";
      default:
        return Text.number(d);
    }
  }

  private static String list(JsonNode n) {
    if (!n.isArray()) {
      return Text.of(n);
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode e : n) {
      String t = Text.of(e);
      if (t != null) {
        parts.add(t);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
