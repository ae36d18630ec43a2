package servicerunner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The report is streamed, never held as text (D2); progress lines stop at their bound. */
class JsonStreamingTest {

  private static ObjectNode report() {
    ObjectNode o = Json.object().put("a", Double.NaN).put("b", "\u00e9");
    ArrayNode r = o.putArray("results");
    for (int i = 0; i < 200; i++) {
      r.addObject().put("i", i).put("text", "\u00e9".repeat(100));
    }
    return o;
  }

  @Test
  void streamedPrettyTextIsThePrettyText() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Json.writePretty(report(), out);
    assertEquals(Json.pretty(report()), out.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void streamingDoesNotCloseTheStream() throws Exception {
    boolean[] closed = {false};
    OutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Json.writePretty(report(), out);
    assertTrue(!closed[0], "stdout stays open for the newline and later writes");
  }

  @Test
  void boundedCompactIsEmptyOverTheLimitAndExactUnderIt() {
    String all = Json.compact(report());
    assertEquals(all, Json.compact(report(), all.length()).orElseThrow());
    assertTrue(Json.compact(report(), all.length() - 1).isEmpty());
  }
}
