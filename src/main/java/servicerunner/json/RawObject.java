package servicerunner.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The members of a large JSON object kept as its UTF-8 text and read on demand: iterating parses one member at a
 * time, {@code get} scans for the key. Used for a plan's metadata, which the runner only passes through to the
 * report: 400,000 keys (an 18 MB plan) take about 75 MB as a tree and 18 MB as text. Read-only; the text was
 * checked (syntax, duplicate keys) when it was cut out of the plan.
 */
final class RawObject extends AbstractMap<String, JsonNode> {
  private final byte[] json;
  private final int off;
  private final int len;
  private final int size;
  private final Map<String, JsonNode> looked = new HashMap<>();
  private volatile ObjectNode tree;

  private RawObject(byte[] json, int off, int len, int size) {
    this.json = json;
    this.off = off;
    this.len = len;
    this.size = size;
  }

  /**
   * An object node over the checked UTF-8 text {@code json[off, off+len)} of an object with {@code size} members.
   * The array is kept when the object is most of it (no second copy while the plan is parsed), else the range is.
   */
  static ObjectNode of(byte[] json, int off, int len, int size) {
    RawObject o = len >= json.length / 2 ? new RawObject(json, off, len, size)
        : new RawObject(java.util.Arrays.copyOfRange(json, off, off + len), 0, len, size);
    return new ObjectNode(Json.NODES, o);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public synchronized JsonNode get(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    if (looked.containsKey(key)) {
      return looked.get(key);
    }
    JsonNode found = tree != null ? tree.get((String) key) : find((String) key);
    if (looked.size() < 64) {
      looked.put((String) key, found); // the report reads a handful of keys (names, technician) several times
    }
    return found;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        ObjectNode t = tree;
        return t != null ? t.fields() : new Members();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** The value of {@code key}: only that member is built, the others are skipped. */
  private JsonNode find(String key) {
    try (JsonParser p = parser()) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean match = key.equals(p.currentName());
        JsonToken t = p.nextToken();
        if (match) {
          return JsonStreams.value(p, t, 1);
        }
        p.skipChildren();
      }
      return null;
    } catch (JsonStreams.Unsupported e) {
      return tree().get(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parser positioned on the object's START_OBJECT. */
  private JsonParser parser() throws IOException {
    JsonParser p = JsonStreams.checkedTextFactory().createParser(json, off, len);
    p.nextToken();
    return p;
  }

  /** A tree of the whole object, for the members the streaming reader cannot build (kept from then on). */
  private ObjectNode tree() {
    try {
      ObjectNode t = (ObjectNode) Json.mapper().readTree(json, off, len);
      tree = t;
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Members extends LookAhead<Map.Entry<String, JsonNode>> {
    private final JsonParser p;
    private Iterator<Map.Entry<String, JsonNode>> fallback;
    private int read;

    Members() {
      try {
        p = parser();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected Map.Entry<String, JsonNode> advance() {
      if (fallback != null) {
        return fallback.hasNext() ? fallback.next() : null;
      }
      try {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
          p.close();
          return null;
        }
        String name = p.currentName();
        JsonNode value = JsonStreams.value(p, p.nextToken(), 1);
        read++;
        return new SimpleImmutableEntry<>(name, value);
      } catch (JsonStreams.Unsupported e) {
        // a number form the stream reader leaves to the mapper: go on from the same member in a full tree
        fallback = tree().fields();
        for (int i = 0; i < read && fallback.hasNext(); i++) {
          fallback.next();
        }
        return fallback.hasNext() ? fallback.next() : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
