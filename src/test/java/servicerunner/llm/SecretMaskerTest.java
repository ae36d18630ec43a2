package servicerunner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class SecretMaskerTest {

  @Test
  void masksEveryStringInATree() {
    SecretMasker m = new SecretMasker();
    m.add("sk-secret-1234");
    m.add("ab"); // too short to be a key: ignored, so ordinary text is not mangled
    ObjectNode o = Json.object().put("error", "Incorrect API key provided: sk-secret-1234.");
    o.putArray("list").add("x sk-secret-1234 y").addObject().put("sk-secret-1234", "v");
    m.maskTree(o);
    assertEquals("{\"error\":\"Incorrect API key provided: ***.\",\"list\":[\"x *** y\",{\"***\":\"v\"}]}", o.toString());
    assertEquals("about", m.mask("about"));
  }
}
