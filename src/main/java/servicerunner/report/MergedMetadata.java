package servicerunner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import servicerunner.json.Json;
import servicerunner.json.LookAhead;

/**
 * The report's metadata: the system's keys first, then the plan's, the plan's value winning (the reference's
 * {@code dict.update}), as a read-only view over both objects rather than a copy. A plan may carry hundreds of
 * thousands of metadata keys; a merged copy of them would double that part of the heap just to print it once.
 */
final class MergedMetadata extends AbstractMap<String, JsonNode> {
  private final ObjectNode system;
  private final ObjectNode plan;

  private MergedMetadata(ObjectNode system, ObjectNode plan) {
    this.system = system;
    this.plan = plan;
  }

  /** An object node whose members are the merge (read-only: a change throws UnsupportedOperationException). */
  static ObjectNode of(ObjectNode system, ObjectNode plan) {
    if (plan == null || plan.isEmpty()) {
      return system;
    }
    return new ObjectNode(Json.NODES, new MergedMetadata(system, plan));
  }

  @Override
  public JsonNode get(Object key) {
    JsonNode v = plan.get((String) key);
    return v != null ? v : system.get((String) key);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && get(key) != null;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        int n = plan.size();
        for (Iterator<String> it = system.fieldNames(); it.hasNext(); ) {
          if (!plan.has(it.next())) {
            n++;
          }
        }
        return n;
      }
    };
  }

  /** The system's keys in order (with the plan's value where it has one), then the plan's other keys in order. */
  private final class Entries extends LookAhead<Map.Entry<String, JsonNode>> {
    private final Iterator<Map.Entry<String, JsonNode>> sys = system.fields();
    private final Iterator<Map.Entry<String, JsonNode>> own = plan.fields();

    @Override
    protected Map.Entry<String, JsonNode> advance() {
      if (sys.hasNext()) {
        Map.Entry<String, JsonNode> e = sys.next();
        JsonNode v = plan.get(e.getKey());
        return new SimpleImmutableEntry<>(e.getKey(), v != null ? v : e.getValue());
      }
      while (own.hasNext()) {
        Map.Entry<String, JsonNode> e = own.next();
        if (!system.has(e.getKey())) {
          return new SimpleImmutableEntry<>(e);
        }
      }
      return null;
    }
  }
}
