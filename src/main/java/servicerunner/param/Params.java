package servicerunner.param;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's parameters after validation, with declared defaults filled in. Getters never need to re-check types;
 * asking for an undeclared or absent required value is a bug in the handler and throws.
 */
public final class Params {
  private final ObjectNode values;

  public Params(ObjectNode values) {
    this.values = values;
  }

  public boolean has(String name) {
    JsonNode n = values.get(name);
    return n != null && !n.isNull();
  }

  public JsonNode raw(String name) {
    return values.get(name);
  }

  public String string(String name) {
    return need(name).asText();
  }

  public Optional<String> optString(String name) {
    return has(name) ? Optional.of(values.get(name).asText()) : Optional.empty();
  }

  public int integer(String name) {
    return need(name).asInt();
  }

  public Optional<Integer> optInteger(String name) {
    return has(name) ? Optional.of(values.get(name).asInt()) : Optional.empty();
  }

  public double number(String name) {
    return need(name).asDouble();
  }

  public Optional<Double> optNumber(String name) {
    return has(name) ? Optional.of(values.get(name).asDouble()) : Optional.empty();
  }

  public boolean bool(String name) {
    return need(name).asBoolean();
  }

  /** A boolean that may be absent (no default declared): absent is false. */
  public boolean flag(String name) {
    return has(name) && values.get(name).asBoolean();
  }

  public List<String> stringList(String name) {
    List<String> out = new ArrayList<>();
    if (has(name)) {
      values.get(name).forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  public List<Integer> integerList(String name) {
    List<Integer> out = new ArrayList<>();
    if (has(name)) {
      values.get(name).forEach(n -> out.add(n.asInt()));
    }
    return out;
  }

  public Map<String, String> stringMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    if (has(name)) {
      values.get(name).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** All values (validated ones plus defaults), e.g. to echo the intent into a summary. */
  public ObjectNode asObject() {
    return values.deepCopy();
  }

  private JsonNode need(String name) {
    JsonNode n = values.get(name);
    if (n == null || n.isNull()) {
      throw new IllegalStateException("parameter " + name + " has no value and no default");
    }
    return n;
  }
}
