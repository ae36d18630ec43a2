package servicerunner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that answers POST /v1/chat/completions the way the OpenAI API does: the
 * choices[0].message.content envelope, a usage block, OpenAI-style error bodies. What the "model" says is a
 * function of the request, so tests can answer with the ids the runner actually sent.
 */
public final class FakeChatServer implements AutoCloseable {
  public static final ObjectMapper M = new ObjectMapper();

  /** One received request: its Authorization header and JSON body. */
  public record Received(String authorization, JsonNode body) {}

  private final HttpServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String rawBody;
  private volatile long delayMillis;
  private volatile Function<JsonNode, String> model = req -> "{}";

  public FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-chat");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The model's message content, computed from the request. */
  public FakeChatServer answering(Function<JsonNode, String> f) {
    model = f;
    return this;
  }

  /** Replies with this HTTP status and raw body instead of a completion. */
  public FakeChatServer failing(int httpStatus, String body) {
    status = httpStatus;
    rawBody = body;
    return this;
  }

  public FakeChatServer delaying(long millis) {
    delayMillis = millis;
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode req = M.readTree(ex.getRequestBody().readAllBytes());
      received.add(new Received(ex.getRequestHeaders().getFirst("Authorization"), req));
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String body;
      int code = status;
      if (rawBody != null) {
        body = rawBody;
      } else {
        ObjectNode outer = M.createObjectNode();
        outer.put("id", "chatcmpl-test");
        outer.put("object", "chat.completion");
        outer.put("model", req.path("model").asText());
        ObjectNode choice = outer.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", model.apply(req));
        choice.put("finish_reason", "stop");
        outer.putObject("usage").put("prompt_tokens", 321).put("completion_tokens", 123).put("total_tokens", 444);
        body = M.writeValueAsString(outer);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    } catch (IOException e) {
      // client went away (timeout tests)
    }
  }

  /** The items the runner sent: the JSON array after the first line of the user message. */
  public static ArrayNode sentItems(JsonNode req) {
    String user = req.path("messages").path(1).path("content").asText();
    try {
      return (ArrayNode) M.readTree(user.substring(user.indexOf('\n') + 1));
    } catch (IOException e) {
      throw new AssertionError("user message does not end with a JSON array: " + user, e);
    }
  }

  /**
   * A model that recommends disabling the sent entries whose {@code field} matches {@code disable}, keeps the rest,
   * and fills analysis_summary with {@code summaryField}.
   */
  public static Function<JsonNode, String> recommending(String field, Predicate<String> disable, String summaryField,
      String summaryValue) {
    return req -> {
      ObjectNode answer = M.createObjectNode();
      ArrayNode to = answer.putArray("to_disable");
      ArrayNode keep = answer.putArray("keep_enabled");
      for (JsonNode item : sentItems(req)) {
        String v = item.path(field).asText();
        if (disable.test(v)) {
          to.addObject().put("id", item.path("id").asText()).put(field, v).put("category", "messaging")
              .put("reason", v + " is a launcher the user can start by hand").put("user_impact", "starts later")
              .put("manual_launch", "Start menu").put("alternative", "open the site").put("risk", "low")
              .put("confidence", "high");
        } else {
          keep.addObject().put("id", item.path("id").asText()).put(field, v).put("category", "system")
              .put("reason", "needed");
        }
      }
      answer.putObject("analysis_summary").put("total_items", sentItems(req).size()).put(summaryField, summaryValue);
      return answer.toString();
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
