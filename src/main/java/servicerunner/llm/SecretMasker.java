package servicerunner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every known secret (the api_key value, whether given literally or read from an env: variable) with
 * {@code ***}. The reference leaked keys to Sentry and the plan log (bug B23); here every text this task writes
 * (log lines, errors, the summary) goes through one masker.
 */
public final class SecretMasker {
  public static final String MASK = "***";
  private final List<String> secrets = new ArrayList<>();

  public void add(String secret) {
    // very short values would mask ordinary words; a real key is never this short
    if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  public String mask(String text) {
    String out = text;
    for (String s : secrets) {
      out = out == null ? null : out.replace(s, MASK);
    }
    return out;
  }

  /** Masks every string (values and field names) in a JSON tree, in place; returns the same node. */
  public <T extends JsonNode> T maskTree(T node) {
    if (node instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) node;
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      o.properties().forEach(e -> fields.put(mask(e.getKey()), maskValue(e.getValue())));
      o.removeAll().setAll(fields);
    } else if (node instanceof ArrayNode) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, maskValue(a.get(i)));
      }
    }
    return node;
  }

  private JsonNode maskValue(JsonNode v) {
    return v.isTextual() ? TextNode.valueOf(mask(v.asText())) : maskTree(v);
  }
}
