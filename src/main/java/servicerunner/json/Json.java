package servicerunner.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The one JSON configuration: strict reading (duplicate keys, trailing tokens and nulls for primitives are errors,
 * set explicitly so a Jackson upgrade cannot loosen them) and ASCII-only writing, because the app reads stderr as
 * UTF-8 lines and stops streaming at the first bad byte.
 */
public final class Json {
  private Json() {}

  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(JsonStreams.factory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static JsonNode valueToTree(Object value) {
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Integer) {
      return NODES.numberNode((Integer) value);
    }
    if (value instanceof Long) {
      return NODES.numberNode((Long) value);
    }
    if (value instanceof Double) {
      return NODES.numberNode((Double) value);
    }
    return mapper().valueToTree(value);
  }

  /** Parses JSON text strictly. */
  public static JsonNode parse(String text) throws IOException {
    try {
      return JsonStreams.read(text);
    } catch (JsonStreams.Unsupported e) {
      return mapper().readTree(text); // errors and rare shapes: the mapper's exact behaviour
    }
  }

  /** One line, ASCII only: for PROGRESS_JSON markers and the journal. */
  public static String compact(JsonNode node) {
    JsonNode safe = finite(node);
    try {
      return JsonStreams.write(safe, null);
    } catch (JsonStreams.Unsupported e) {
      // POJO or binary nodes need the mapper's serializers
    }
    try {
      return mapper().writeValueAsString(safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indent-2, ASCII only, "key": value, like the reference's json.dumps(indent=2): for the report. */
  public static String pretty(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    JsonNode safe = finite(node);
    try {
      return JsonStreams.write(safe, printer);
    } catch (JsonStreams.Unsupported e) {
      // POJO or binary nodes need the mapper's serializers
    }
    try {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = mapper().getFactory().createGenerator(w)) {
        g.setPrettyPrinter(printer);
        mapper().writeTree(g, safe);
      }
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** NaN and Infinity are not JSON: they become null (deep, in place on a copy only when needed). */
  public static JsonNode finite(JsonNode node) {
    if (!hasNonFinite(node)) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    replaceNonFinite(copy);
    return copy;
  }

  private static boolean hasNonFinite(JsonNode n) {
    if (n.isFloatingPointNumber()) {
      return !Double.isFinite(n.asDouble());
    }
    if (n.isContainerNode()) {
      for (JsonNode c : n) {
        if (hasNonFinite(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void replaceNonFinite(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isFloatingPointNumber() && !Double.isFinite(e.getValue().asDouble())) {
          e.setValue(NODES.nullNode());
        } else {
          replaceNonFinite(e.getValue());
        }
      }
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        JsonNode c = a.get(i);
        if (c.isFloatingPointNumber() && !Double.isFinite(c.asDouble())) {
          a.set(i, NODES.nullNode());
        } else {
          replaceNonFinite(c);
        }
      }
    }
  }

  /** Rounds for display fields such as duration_seconds. */
  public static double round(double v, int places) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
