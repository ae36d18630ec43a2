package servicerunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import servicerunner.json.Json;
import servicerunner.task.TaskOutcome;

/**
 * What one result may keep: every result lives until the report is written, and the report, the final progress
 * line and the journal each repeat it. Tool output is already cut to 64 KiB per stream at capture and to a few
 * thousand characters in summaries; this is the backstop for a handler that puts more into a text field. A longer
 * string keeps its start and end and says how much was left out.
 */
final class ResultBound {
  private ResultBound() {}

  /** Longest string kept in a result's summary or extras (characters). */
  static final int MAX_STRING = 64 * 1024;
  private static final int KEEP = MAX_STRING / 2 - 64;

  /** The outcome itself when nothing is too long, else a copy with every long string shortened. */
  static TaskOutcome of(TaskOutcome o) {
    if (!tooLong(o.summary()) && !tooLong(o.extras())) {
      return o;
    }
    ObjectNode summary = o.summary().deepCopy();
    ObjectNode extras = o.extras().deepCopy();
    shorten(summary);
    shorten(extras);
    return new TaskOutcome(o.status(), o.reason(), o.verdict(), summary, extras);
  }

  static String shorten(String s) {
    return s.substring(0, KEEP) + " [... " + (s.length() - 2 * KEEP) + " characters not kept ...] "
        + s.substring(s.length() - KEEP);
  }

  private static boolean tooLong(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue().length() > MAX_STRING;
    }
    for (JsonNode c : n) {
      if (tooLong(c)) {
        return true;
      }
    }
    return false;
  }

  private static void shorten(JsonNode n) {
    if (n instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && e.getValue().textValue().length() > MAX_STRING) {
          e.setValue(Json.NODES.textNode(shorten(e.getValue().textValue())));
        } else {
          shorten(e.getValue());
        }
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode c = a.get(i);
        if (c.isTextual() && c.textValue().length() > MAX_STRING) {
          a.set(i, Json.NODES.textNode(shorten(c.textValue())));
        } else {
          shorten(c);
        }
      }
    }
  }
}
