package servicerunner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's large metadata is kept as text (D2: 400,000 keys took 75 MB as a tree) and reads like the tree. */
class RawObjectTest {
  private static final String DOC = "{\"tasks\":[],\"metadata\":{\"b\":\"Zo\u00eb\",\"a\":[1,{\"x\":null}],\"n\":1e400,"
      + "\"deep\":" + "[".repeat(600) + "]".repeat(600) + ",\"z\":2.5},\"pause_between_tasks\":true}";

  private static JsonNode parse(String text, int minBytes) throws Exception {
    byte[] b = ("   " + text).getBytes(StandardCharsets.UTF_8);
    return Json.parse(b, 3, b.length - 3, "metadata", minBytes);
  }

  private static boolean isRaw(JsonNode md) throws Exception {
    Field f = ObjectNode.class.getDeclaredField("_children");
    f.setAccessible(true);
    return f.get(md) instanceof RawObject;
  }

  @Test
  void largeMetadataIsTextThatReadsAndWritesLikeTheTree() throws Exception {
    JsonNode raw = parse(DOC, 0);
    JsonNode tree = Json.parse(DOC);
    JsonNode md = raw.get("metadata");
    assertTrue(isRaw(md), "kept as text");
    assertEquals(5, md.size());
    List<String> names = new ArrayList<>();
    md.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("b", "a", "n", "deep", "z"), names, "plan order");
    assertEquals("Zo\u00eb", md.get("b").asText());
    assertEquals(2.5, md.get("z").asDouble());
    assertNull(md.get("missing"));
    assertTrue(md.has("a"));
    assertEquals(tree, raw, "same members, the 600-deep one through the mapper");
    assertEquals(Json.pretty(tree), Json.pretty(raw));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Json.writePretty(raw, out);
    assertEquals(Json.pretty(tree), out.toString(StandardCharsets.US_ASCII));
    assertTrue(raw.get("pause_between_tasks").asBoolean());
    assertThrows(UnsupportedOperationException.class, () -> ((ObjectNode) md).put("c", 1), "read-only");
  }

  @Test
  void smallMetadataStaysATree() throws Exception {
    assertTrue(!isRaw(parse(DOC, 1_000_000).get("metadata")));
  }

  @Test
  void syntaxAndDuplicateKeysInsideAreStillPlanErrors() {
    assertThrows(Exception.class, () -> parse("{\"metadata\":{\"a\":1,\"a\":2}}", 0));
    assertThrows(Exception.class, () -> parse("{\"metadata\":{\"a\":1,}}", 0));
    assertThrows(Exception.class, () -> parse("{\"metadata\":{\"a\":1}} x", 0));
  }

  @Test
  void aStringOverTheLengthLimitInsideIsRefusedWhileParsingNotWhileWriting() {
    // the audit's 30 MB string: skipping it unread would have passed it on to fail half-way through the report
    String text = "{\"metadata\":{\"a\":\"" + "s".repeat(20_000_001) + "\"}}";
    Exception e = assertThrows(Exception.class, () -> parse(text, 0));
    assertTrue(String.valueOf(e.getMessage()).contains("exceeds the maximum allowed"), e.getMessage());
  }
}
