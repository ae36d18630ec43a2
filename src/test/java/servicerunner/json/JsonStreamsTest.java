package servicerunner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The mapper-free read/write path must give exactly what the ObjectMapper gives. */
class JsonStreamsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"],\"timeout_seconds\":1.5}]}",
      "[1, -2, 2147483648, 9223372036854775808, 1e3, 0.1, -0.0, 1E-7, 123456789012345678901234567890.5]",
      "{\"a\":null,\"b\":true,\"c\":false,\"d\":\"\\u00e9\\ud83d\\ude00\",\"e\":{},\"f\":[],\"g\":[[{}]]}",
      "  {\"nested\": {\"x\": [1, {\"y\": \"z\"}]}}  ",
      "\"just text\"",
      "42",
  })
  void readsLikeTheMapper(String text) throws Exception {
    JsonNode fast = JsonStreams.read(text);
    JsonNode slow = Json.mapper().readTree(text);
    assertSame(slow, fast);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":1}{}", "[1,]", "{\"a\" 1}", "{", "[", "nul", "{'a':1}", "[NaN]",
  })
  void errorsComeFromTheMapper(String text) {
    JsonProcessingException expected = assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(text));
    JsonProcessingException actual = assertThrows(JsonProcessingException.class, () -> Json.parse(text));
    assertEquals(expected.getClass(), actual.getClass());
    assertEquals(expected.getMessage(), actual.getMessage());
  }

  @Test
  void writesLikeTheMapper() throws Exception {
    ObjectNode o = (ObjectNode) Json.mapper().readTree(
        "{\"s\":\"caf\\u00e9 \\\"q\\\" \\n\\t\\u0001\",\"i\":1,\"l\":9223372036854775807,\"d\":0.25,\"e\":1.0E-7,"
            + "\"b\":false,\"n\":null,\"arr\":[1,[],{}],\"o\":{\"x\":{}}}");
    o.put("big", new BigInteger("123456789012345678901234567890"));
    o.put("nan", Double.NaN);
    assertEquals(Json.mapper().writeValueAsString(Json.finite(o)), Json.compact(o));
    assertEquals(JsonStreams.write(Json.finite(o), null), Json.mapper().writeValueAsString(Json.finite(o)));
  }

  @Test
  void prettyKeepsTheReportLayout() {
    ObjectNode o = Json.object();
    o.put("a", 1);
    o.putObject("empty");
    o.putArray("list").add("x").addObject().put("k", "v");
    o.putArray("none");
    assertEquals("{\n  \"a\": 1,\n  \"empty\": {},\n  \"list\": [\n    \"x\",\n    {\n      \"k\": \"v\"\n    }\n  ],\n"
        + "  \"none\": []\n}", Json.pretty(o));
  }

  @Test
  void pojoNodesStillWrite() {
    ObjectNode o = Json.object();
    o.set("p", new POJONode(java.util.List.of(1, 2)));
    assertEquals("{\"p\":[1,2]}", Json.compact(o));
  }

  private static void assertSame(JsonNode expected, JsonNode actual) {
    assertEquals(expected.getClass(), actual.getClass(), () -> "node class for " + expected);
    assertEquals(expected, actual);
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
      for (Iterator<Map.Entry<String, JsonNode>> e = expected.fields(); e.hasNext(); ) {
        Map.Entry<String, JsonNode> x = e.next();
        Map.Entry<String, JsonNode> y = a.next();
        assertEquals(x.getKey(), y.getKey());
        assertSame(x.getValue(), y.getValue());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSame(expected.get(i), actual.get(i));
      }
    }
  }

  @Test
  void compactIsTheGeneratorsOutputByteForByte() throws Exception {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int i = 0; i < 3_000; i++) {
      JsonNode tree = randomTree(r, 0);
      assertEquals(JsonStreams.write(tree, null), JsonStreams.compact(tree));
    }
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0xFFFF; c++) {
      every.append(c); // every UTF-16 unit, lone surrogates too
    }
    ObjectNode o = Json.object();
    o.put(every.toString(), every.toString());
    o.put("numbers", Json.NODES.arrayNode().add(-0.0).add(1e-7).add(1e21).add(Double.NaN).add(Long.MIN_VALUE)
        .add(Integer.MIN_VALUE).add(new BigInteger("123456789012345678901234567890")).add(0.1 + 0.2));
    assertEquals(JsonStreams.write(o, null), JsonStreams.compact(o));
    assertEquals(JsonStreams.write(o, null), Json.compact(o));
  }

  private static JsonNode randomTree(java.util.SplittableRandom r, int depth) {
    int kind = depth > 3 ? 2 + r.nextInt(6) : r.nextInt(8);
    switch (kind) {
      case 0: {
        ObjectNode o = Json.object();
        for (int i = r.nextInt(5); i > 0; i--) {
          o.set(randomText(r), randomTree(r, depth + 1));
        }
        return o;
      }
      case 1: {
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.NODES.arrayNode();
        for (int i = r.nextInt(5); i > 0; i--) {
          a.add(randomTree(r, depth + 1));
        }
        return a;
      }
      case 2:
        return Json.NODES.textNode(randomText(r));
      case 3:
        return Json.NODES.numberNode(r.nextInt());
      case 4:
        return Json.NODES.numberNode(r.nextLong());
      case 5:
        return Json.NODES.numberNode(Double.longBitsToDouble(r.nextLong()));
      case 6:
        return Json.NODES.booleanNode(r.nextBoolean());
      default:
        return Json.NODES.nullNode();
    }
  }

  private static String randomText(java.util.SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x20, 0x7F)));
    }
    return b.toString();
  }
}
