package servicerunner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import servicerunner.json.Json;

class JsonReportTest {

  @Test
  void prettyIsIndentTwoAsciiAndNeverNaN() {
    var o = Json.object().put("a", Double.NaN).put("b", "é");
    o.putArray("empty");
    o.putArray("list").add(1).add(Double.POSITIVE_INFINITY);
    String s = Json.pretty(o);
    assertEquals("{\n  \"a\": null,\n  \"b\": \"\\u00E9\",\n  \"empty\": [],\n  \"list\": [\n    1,\n    null\n  ]\n}", s);
    assertTrue(Json.compact(o).chars().allMatch(c -> c < 0x80));
  }
}
