package servicerunner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Tree reading and writing on jackson-core streams alone, without an ObjectMapper: building and first use of the
 * mapper costs about 150 ms of class loading and reflection, which used to sit between launch and the first
 * marker. Same factory settings as {@link Json}'s mapper and the same node classes as its readTree; anything this
 * path does not handle (every syntax error included) is signalled with {@link Unsupported} and {@link Json} repeats
 * the call on the mapper, so error messages and edge cases come from one place.
 */
final class JsonStreams {
  private JsonStreams() {}

  /** Thrown when the mapper must do the work instead (it then produces the exact result or error). */
  static final class Unsupported extends Exception {
    Unsupported(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final class Holder {
    static final JsonFactory FACTORY =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            // A plan may hold hundreds of thousands of distinct keys (metadata): String.intern() would keep each in
            // the JVM's native string table for the life of the process. (Canonicalizing stays on: without it
            // Jackson reads bytes through a Reader, slower and without byte offsets.)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
  }

  private static final class Checked {
    // for re-reading text already checked: without the symbol table and the duplicate-key set, both of which keep
    // every name seen until the parser is closed (tens of MB for a plan's 400,000 metadata keys)
    static final JsonFactory FACTORY = Holder.FACTORY.rebuild()
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** For text already parsed once with {@link #factory()} (see {@link RawObject}): no per-name memory. */
  static JsonFactory checkedTextFactory() {
    return Checked.FACTORY;
  }

  /** The one parser/generator configuration of the project; {@link Json}'s mapper is built on it. */
  static JsonFactory factory() {
    return Holder.FACTORY;
  }

  static JsonNode read(String text) throws Unsupported {
    try (JsonParser p = Holder.FACTORY.createParser(text)) {
      return root(p);
    } catch (IOException | RuntimeException e) {
      throw new Unsupported(e);
    }
  }

  /** The same from UTF-8 bytes, without a String copy of the whole document. */
  static JsonNode read(byte[] utf8, int off, int len) throws Unsupported {
    try (JsonParser p = Holder.FACTORY.createParser(utf8, off, len)) {
      return root(p);
    } catch (IOException | RuntimeException e) {
      throw new Unsupported(e);
    }
  }

  /**
   * {@link #read(byte[], int, int)}, except that the top-level member {@code member}, when it is an object of at
   * least {@code minBytes} bytes of text, is kept as that text ({@link RawObject}) instead of a tree.
   */
  static JsonNode read(byte[] utf8, int off, int len, String member, int minBytes) throws Unsupported {
    try (JsonParser p = Holder.FACTORY.createParser(utf8, off, len)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new Unsupported(null); // not the object form: the plain reader decides
      }
      ObjectNode o = NODES.objectNode();
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        o.set(name, name.equals(member) && v == JsonToken.START_OBJECT
            ? rawOrTree(p, utf8, off, minBytes) : value(p, v, 1));
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new Unsupported(null);
      }
      return o;
    } catch (IOException | RuntimeException e) {
      throw new Unsupported(e);
    }
  }

  /** The object at the parser, skipped over (the parser still checks its syntax and keys) and cut out as text. */
  private static ObjectNode rawOrTree(JsonParser p, byte[] utf8, int off, int minBytes)
      throws IOException, Unsupported {
    long start = p.currentTokenLocation().getByteOffset();
    int members = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      members++;
      walk(p, p.nextToken());
    }
    if (t != JsonToken.END_OBJECT) {
      throw new Unsupported(null);
    }
    long end = p.currentLocation().getByteOffset();
    int from = (int) (off + start);
    int to = (int) (off + end);
    if (end - start < minBytes) {
      return (ObjectNode) read(utf8, from, to - from);
    }
    return RawObject.of(utf8, from, to - from, members);
  }

  /**
   * Passes over the value at the parser as a tree build would read it: skipChildren() would not finish long strings,
   * so their length limit (the same as for a tree) would only be met later, while the report is written.
   */
  private static void walk(JsonParser p, JsonToken t) throws IOException {
    int depth = 0;
    do {
      if (t == null) {
        throw new JsonParseException(p, "unexpected end of input");
      }
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      } else if (t == JsonToken.VALUE_STRING) {
        p.getText(); // the length limit is checked on the finished text
      }
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    } while (true);
  }

  private static JsonNode root(JsonParser p) throws IOException, Unsupported {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new Unsupported(null);
    }
    JsonNode root = value(p, t, 0);
    if (p.nextToken() != null) {
      throw new Unsupported(null); // trailing tokens: the mapper words the error
    }
    return root;
  }

  static JsonNode value(JsonParser p, JsonToken t, int depth) throws IOException, Unsupported {
    switch (t) {
      case START_OBJECT:
        return object(p, depth);
      case START_ARRAY:
        return array(p, depth);
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        if (p.getNumberType() != JsonParser.NumberType.DOUBLE) {
          throw new Unsupported(null);
        }
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new Unsupported(null);
    }
  }

  private static ObjectNode object(JsonParser p, int depth) throws IOException, Unsupported {
    if (depth > 500) {
      throw new Unsupported(null); // the mapper's nesting limit decides
    }
    ObjectNode o = NODES.objectNode();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      o.set(name, value(p, p.nextToken(), depth + 1));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new Unsupported(null);
    }
    return o;
  }

  private static ArrayNode array(JsonParser p, int depth) throws IOException, Unsupported {
    if (depth > 500) {
      throw new Unsupported(null);
    }
    ArrayNode a = NODES.arrayNode();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new Unsupported(null);
      }
      a.add(value(p, t, depth + 1));
    }
    return a;
  }

  /**
   * The compact text of a tree of plain nodes, byte for byte what {@link #write(JsonNode, PrettyPrinter)} makes with
   * no pretty printer (JsonStreamsTest compares the two), without a generator: every task's PROGRESS_JSON line is
   * one, and a generator's set-up and the calls through it were most of that line's cost while they ran interpreted.
   */
  static String compact(JsonNode node) throws Unsupported {
    if (!plain(node)) {
      throw new Unsupported(null);
    }
    StringBuilder b = new StringBuilder(256);
    compact(b, node);
    return b.toString();
  }

  private static void compact(StringBuilder b, JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT:
        b.append('{');
        boolean first = true;
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          java.util.Map.Entry<String, JsonNode> e = it.next();
          if (!first) {
            b.append(',');
          }
          first = false;
          quoted(b, e.getKey());
          b.append(':');
          compact(b, e.getValue());
        }
        b.append('}');
        break;
      case ARRAY:
        b.append('[');
        for (int i = 0; i < n.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          compact(b, n.get(i));
        }
        b.append(']');
        break;
      case STRING:
        quoted(b, n.textValue());
        break;
      case BOOLEAN:
        b.append(n.booleanValue());
        break;
      case NULL:
        b.append("null");
        break;
      default:
        if (n.isInt()) {
          b.append(n.intValue());
        } else if (n.isLong()) {
          b.append(n.longValue());
        } else if (n.isDouble()) {
          double d = n.doubleValue();
          b.append(Double.isFinite(d) ? Double.toString(d) : "null"); // Jackson's default double writer
        } else {
          b.append(n.bigIntegerValue());
        }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A JSON string as Jackson writes it with ESCAPE_NON_ASCII: short escapes where JSON has them, else uppercase uXXXX. */
  private static void quoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c <= 0x7F && c != '"' && c != '\\') {
        b.append(c);
        continue;
      }
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\b': b.append("\\b"); break;
        case '\t': b.append("\\t"); break;
        case '\n': b.append("\\n"); break;
        case '\f': b.append("\\f"); break;
        case '\r': b.append("\\r"); break;
        default:
          b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
      }
    }
    b.append('"');
  }

  /** Writes a tree of plain nodes (objects, arrays, text, numbers, booleans, nulls); pretty may be null. */
  static String write(JsonNode node, PrettyPrinter pretty) throws Unsupported {
    StringWriter w = new StringWriter(256);
    try {
      write(node, pretty, w);
    } catch (IOException | RuntimeException e) {
      throw new Unsupported(e); // a StringWriter does not fail: only a generator's own error lands here
    }
    return w.toString();
  }

  /**
   * Streams a tree of plain nodes to {@code out} (not closed), so that a report of tens of megabytes never exists
   * as one string. An error of {@code out} itself is thrown as IOException; a tree this cannot write, as
   * {@link Unsupported} before anything was written.
   */
  static void write(JsonNode node, PrettyPrinter pretty, java.io.Writer out) throws Unsupported, IOException {
    if (!plain(node)) {
      throw new Unsupported(null);
    }
    try (JsonGenerator g = Holder.FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty != null) {
        g.setPrettyPrinter(pretty);
      }
      tree(g, node);
    }
  }

  /** The same for a byte stream (UTF-8; the output is ASCII anyway). */
  static void write(JsonNode node, PrettyPrinter pretty, java.io.OutputStream out) throws Unsupported, IOException {
    if (!plain(node)) {
      throw new Unsupported(null);
    }
    try (JsonGenerator g = Holder.FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty != null) {
        g.setPrettyPrinter(pretty);
      }
      tree(g, node);
    }
  }

  /** What ObjectNode/ArrayNode.serialize do under the mapper's default features, without a SerializerProvider. */
  private static void tree(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          java.util.Map.Entry<String, JsonNode> e = it.next();
          g.writeFieldName(e.getKey());
          tree(g, e.getValue());
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode c : n) {
          tree(g, c);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(n.textValue());
        break;
      case BOOLEAN:
        g.writeBoolean(n.booleanValue());
        break;
      case NULL:
        g.writeNull();
        break;
      default:
        if (n.isInt()) {
          g.writeNumber(n.intValue());
        } else if (n.isLong()) {
          g.writeNumber(n.longValue());
        } else if (n.isDouble()) {
          // NaN and Infinity are not JSON (Json.finite's rule, applied while writing: no copy of a large tree)
          if (Double.isFinite(n.doubleValue())) {
            g.writeNumber(n.doubleValue());
          } else {
            g.writeNull();
          }
        } else {
          g.writeNumber(n.bigIntegerValue());
        }
    }
  }

  /** True when serializing needs no SerializerProvider (no POJO, binary or raw nodes). */
  private static boolean plain(JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT:
      case ARRAY:
        for (JsonNode c : n) {
          if (!plain(c)) {
            return false;
          }
        }
        return true;
      case STRING:
      case BOOLEAN:
      case NULL:
        return true;
      case NUMBER:
        return n.isInt() || n.isLong() || n.isDouble() || n.isBigInteger();
      default:
        return false;
    }
  }
}
