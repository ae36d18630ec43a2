package servicerunner.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Unknown figures are left out of what the app renders, never sent as {@code null}. The app's renderers run
 * {@code Number(x)} on many figures: {@code Number(null)} is 0, so a failed speed test drew a Download/Upload chart of
 * zeros and a chkdsk without size lines showed "0 B"; an absent figure gives NaN, which the renderers filter out
 * and show as "-" or "no data". The reference left such figures out as well.
 */
public final class UnknownFigures {
  private UnknownFigures() {}

  /**
   * Removes null members from {@code summary.human_readable} and the objects nested in it. Arrays keep their
   * elements: a position there is a sample (an interval, a note) and the renderers index them.
   */
  public static ObjectNode dropFromHumanReadable(ObjectNode summary) {
    JsonNode hr = summary.get("human_readable");
    if (hr instanceof ObjectNode o) {
      dropNulls(o);
    }
    return summary;
  }

  /** Removes the named members of {@code o} that are null; with no names, every null member. */
  public static void omitNulls(ObjectNode o, String... names) {
    if (o == null) {
      return;
    }
    if (names.length == 0) {
      List<String> all = new ArrayList<>();
      o.fieldNames().forEachRemaining(all::add);
      names = all.toArray(String[]::new);
    }
    for (String n : names) {
      if (o.has(n) && o.get(n).isNull()) {
        o.remove(n);
      }
    }
  }

  private static void dropNulls(ObjectNode o) {
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (v.isNull()) {
        it.remove();
      } else if (v instanceof ObjectNode child) {
        dropNulls(child);
      }
    }
  }
}
