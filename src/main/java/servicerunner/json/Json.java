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
import com.fasterxml.jackson.core.JsonEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    if (value instanceof java.util.Collection) {
      // a tool's argv on every task: the mapper would serialise it and read it back
      ArrayNode a = NODES.arrayNode();
      for (Object item : (java.util.Collection<?>) value) {
        a.add(valueToTree(item));
      }
      return a;
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

  /**
   * Parses UTF-8 bytes strictly (the caller has checked they are UTF-8). A large plan is read this way, without a
   * String of the whole text; an error is worded from the text exactly as {@link #parse(String)} words it.
   */
  public static JsonNode parse(byte[] utf8, int off, int len) throws IOException {
    if (!asciiStart(utf8, off, len)) {
      // Jackson would guess UTF-16/32 from zero bytes or take a second byte-order mark: text only, as before
      return parse(new String(utf8, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      return JsonStreams.read(utf8, off, len);
    } catch (JsonStreams.Unsupported e) {
      return mapper().readTree(new String(utf8, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /**
   * {@link #parse(byte[], int, int)} for a document whose top-level {@code member}, when it is a large object
   * (at least {@code minBytes} of text), is only passed through: that member is kept as text and read on demand
   * (a read-only object node), so that a plan's large metadata costs its size in memory, not four times that.
   */
  public static JsonNode parse(byte[] utf8, int off, int len, String member, int minBytes) throws IOException {
    if (!asciiStart(utf8, off, len)) {
      return parse(utf8, off, len);
    }
    try {
      return JsonStreams.read(utf8, off, len, member, minBytes);
    } catch (JsonStreams.Unsupported e) {
      return parse(utf8, off, len);
    }
  }

  /**
   * Whether the first four bytes are ASCII without NUL, as any JSON text in UTF-8 starts: Jackson's byte reader
   * would otherwise detect another encoding or skip a byte-order mark by itself.
   */
  private static boolean asciiStart(byte[] b, int off, int len) {
    for (int i = off; i < off + Math.min(4, len); i++) {
      if (b[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  /** One line, ASCII only: for PROGRESS_JSON markers and the journal. */
  public static String compact(JsonNode node) {
    try {
      return JsonStreams.compact(node);
    } catch (JsonStreams.Unsupported e) {
      // POJO or binary nodes need the mapper's serializers
    }
    try {
      return mapper().writeValueAsString(finite(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #compact}, or empty when the text would be longer than {@code maxChars}: writing stops there, so a
   * line that is not wanted at that size never takes more memory than the limit.
   */
  public static java.util.Optional<String> compact(JsonNode node, int maxChars) {
    LimitedWriter w = new LimitedWriter(maxChars);
    try {
      try {
        JsonStreams.write(node, null, w);
      } catch (JsonStreams.Unsupported e) {
        try (JsonGenerator g = mapper().getFactory().createGenerator(w)) {
          mapper().writeTree(g, finite(node));
        }
      }
    } catch (LimitedWriter.Full e) {
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Optional.of(w.toString());
  }

  /** Indent-2, ASCII only, "key": value, like the reference's json.dumps(indent=2): for the report. */
  public static String pretty(JsonNode node) {
    try {
      return JsonStreams.write(node, prettyPrinter());
    } catch (JsonStreams.Unsupported e) {
      // POJO or binary nodes need the mapper's serializers
    }
    try {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = mapper().getFactory().createGenerator(w)) {
        g.setPrettyPrinter(prettyPrinter());
        mapper().writeTree(g, finite(node));
      }
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #pretty} streamed to {@code out} (left open): the report goes to stdout and the file this way, so a
   * report of tens of megabytes is never held as text (the launcher's heap is 192 MB).
   */
  public static void writePretty(JsonNode node, OutputStream out) throws IOException {
    try {
      JsonStreams.write(node, prettyPrinter(), out);
      return;
    } catch (JsonStreams.Unsupported e) {
      // POJO or binary nodes need the mapper's serializers; nothing was written yet
    }
    try (JsonGenerator g = mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(prettyPrinter());
      mapper().writeTree(g, finite(node));
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
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
    return printer;
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

  /**
   * Lenient on purpose, for what tools print: iperf3 3.12 in reverse mode repeats {@code sock_bufsize},
   * {@code sndbuf_actual} and {@code rcvbuf_actual} inside {@code start} (recorded in tcp-reverse-parallel2.json),
   * which the runner's strict reader rejects as duplicate keys. Here the last value wins.
   */
  private static final class Lenient {
    // in a holder: an ObjectMapper's class set-up (StdDateFormat's date formats, locale data) is some 60 ms of CPU,
    // which a run that reads no tool JSON never needs
    static final ObjectMapper LENIENT = new ObjectMapper();
  }

  /** A tool's JSON object read leniently (see {@link Lenient#LENIENT}); null when the text is not one. */
  public static JsonNode lenientObject(String text) {
    try {
      JsonNode n = Lenient.LENIENT.readTree(text);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The elements of an array, a lone value as its only element, none for null or absent: Windows PowerShell 5.1's
   * ConvertTo-Json writes a one-element array as the element itself.
   */
  public static List<JsonNode> elements(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull() || n.isMissingNode()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  /** The text of each of {@link #elements}. */
  public static List<String> texts(JsonNode n) {
    return elements(n).stream().map(JsonNode::asText).toList();
  }

  /** A member's number, or null when it is absent or not a number. */
  public static Double number(JsonNode n) {
    return n != null && n.isNumber() ? n.asDouble() : null;
  }

  /** A member's text, or null when it is absent, null or blank. */
  public static String text(JsonNode n) {
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  /** {@link #round} that keeps an unknown figure unknown. */
  public static Double rounded(Double v, int places) {
    return v == null ? null : round(v, places);
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
