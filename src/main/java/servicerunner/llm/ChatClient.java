package servicerunner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import servicerunner.json.Json;

/**
 * OpenAI-compatible chat-completions calls with {@code response_format: json_object}, one client per task run. It
 * waits in short slices so a user skip ({@code cancelCheck} throws) ends the request instead of waiting up to the
 * full timeout.
 */
public final class ChatClient {
  static final int EXCERPT = 500;

  /** What the endpoint returned: the message content and the usage block (may be empty). */
  public record Reply(String content, ObjectNode usage) {}

  private final AiSettings settings;
  private final Runnable cancelCheck;
  private final HttpClient client;

  public ChatClient(AiSettings settings, Runnable cancelCheck) {
    this.settings = settings;
    this.cancelCheck = cancelCheck;
    // HTTP/1.1: an h2c upgrade attempt confuses some local OpenAI-compatible servers (LiteLLM proxies, llama.cpp)
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.requestTimeout()).build();
  }

  public Reply ask(String systemPrompt, String userPrompt) throws AiFailure, InterruptedException {
    ObjectNode body = Json.object().put("model", settings.model()).put("temperature", 0.1);
    body.putObject("response_format").put("type", "json_object");
    body.putArray("messages").add(Json.object().put("role", "system").put("content", systemPrompt))
        .add(Json.object().put("role", "user").put("content", userPrompt));
    String text = send(body);
    JsonNode outer;
    try {
      outer = Json.parse(text);
    } catch (IOException e) {
      throw new AiFailure("the AI endpoint's reply is not JSON", excerpt(text));
    }
    JsonNode content = outer.path("choices").path(0).path("message").path("content");
    if (!content.isTextual() || content.asText().isBlank()) {
      throw new AiFailure("the AI endpoint's reply has no choices[0].message.content", excerpt(text));
    }
    JsonNode usage = outer.get("usage");
    return new Reply(content.asText(), usage instanceof ObjectNode ? (ObjectNode) usage : Json.object());
  }

  /** Posts the body and returns the text of a 2xx reply, waiting in slices so that a skip is noticed. */
  private String send(ObjectNode body) throws AiFailure, InterruptedException {
    CompletableFuture<HttpResponse<String>> f;
    try {
      f = client.sendAsync(HttpRequest.newBuilder(settings.endpoint()).timeout(settings.requestTimeout())
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + settings.apiKey())
          .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // e.g. a key with characters no HTTP header may carry; the caller masks the message like everything else
      throw new AiFailure("the AI request could not be built: " + e.getMessage(), "");
    }
    try {
      HttpResponse<String> response = null;
      while (response == null) {
        try {
          response = f.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slice) {
          cancelCheck.run();
        }
      }
      String text = response.body() == null ? "" : response.body();
      if (response.statusCode() / 100 != 2) {
        throw new AiFailure("the AI endpoint answered HTTP " + response.statusCode() + describeError(text),
            excerpt(text));
      }
      return text;
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof HttpTimeoutException) {
        throw new AiFailure("the AI request timed out after " + settings.requestTimeout().toSeconds() + " s", "");
      }
      String why = c instanceof ConnectException ? "connection refused"
          : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
      URI u = settings.endpoint(); // host and port only: an authority may carry user:password
      int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
      throw new AiFailure("the AI endpoint " + u.getHost() + ":" + port + " could not be reached (" + why + ")", "");
    } finally {
      f.cancel(true);
    }
  }

  /** OpenAI-style errors carry {"error":{"message":…}}; show that message when present. */
  private static String describeError(String body) {
    try {
      JsonNode m = Json.parse(body).path("error").path("message");
      return m.isTextual() && !m.asText().isBlank() ? ": " + excerpt(m.asText()) : "";
    } catch (IOException | RuntimeException notJson) {
      return "";
    }
  }

  static String excerpt(String s) {
    String t = s == null ? "" : s.strip();
    return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
  }
}
