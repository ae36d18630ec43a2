package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Checks that a summary carries a field the app's renderer reads (autoservice-ui-contract.md section 6) with the
 * right JSON type. Paths are dotted ({@code latency_ms.avg}); {@code drives[0].name} indexes arrays.
 */
public final class RendererFields {
  private RendererFields() {}

  public static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      int b = part.indexOf('[');
      String key = b < 0 ? part : part.substring(0, b);
      n = n.get(key);
      assertNotNull(n, "missing field " + path + " (at " + key + ") in " + root);
      while (b >= 0) {
        int e = part.indexOf(']', b);
        int idx = Integer.parseInt(part.substring(b + 1, e));
        n = n.get(idx);
        assertNotNull(n, "missing element " + path + " in " + root);
        b = part.indexOf('[', e);
      }
    }
    return n;
  }

  /** Asserts the field exists and has one of the allowed types (NULL allowed only if listed). */
  public static void assertField(JsonNode summary, String path, JsonNodeType... types) {
    JsonNode n = at(summary, path);
    for (JsonNodeType t : types) {
      if (n.getNodeType() == t) {
        return;
      }
    }
    assertTrue(false, "field " + path + " has type " + n.getNodeType() + ", expected one of " + java.util.Arrays.toString(types));
  }
}
