package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 * One OpenAI-compatible chat-completions call with {@code response_format: json_object}. It waits in short slices
 * so a user skip (checked by {@code cancelCheck}) ends the request instead of waiting up to the full timeout.
 */
public final class ChatClient {
  static final int EXCERPT = 500;

  /** What the endpoint returned: the message content and the usage block (may be empty). */
  public record Reply(String content, ObjectNode usage) {}

  private final AiSettings settings;
  private final Runnable cancelCheck;

  public ChatClient(AiSettings settings, Runnable cancelCheck) {
    this.settings = settings;
    this.cancelCheck = cancelCheck;
  }

  public Reply ask(String systemPrompt, String userPrompt) throws AiFailure, InterruptedException {
    ObjectNode body = Json.object();
    body.put("model", settings.model());
    body.put("temperature", 0.1);
    body.putObject("response_format").put("type", "json_object");
    var messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", systemPrompt);
    messages.addObject().put("role", "user").put("content", userPrompt);

    // HTTP/1.1: an h2c upgrade attempt confuses some local OpenAI-compatible servers (LiteLLM proxies, llama.cpp)
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.requestTimeout())
        .build();
    HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + settings.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = send(client, request);
    String text = response.body() == null ? "" : response.body();
    if (response.statusCode() / 100 != 2) {
      throw new AiFailure("the AI endpoint answered HTTP " + response.statusCode() + describeError(text),
          excerpt(text));
    }
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

  private HttpResponse<String> send(HttpClient client, HttpRequest request) throws AiFailure, InterruptedException {
    CompletableFuture<HttpResponse<String>> f =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      while (true) {
        try {
          return f.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slice) {
          cancelCheck.run(); // throws TaskCancelledException on a user skip
        }
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof HttpTimeoutException) {
        throw new AiFailure("the AI request timed out after " + settings.requestTimeout().toSeconds() + " s", "");
      }
      String msg = c instanceof java.net.ConnectException ? "connection refused"
          : c.getMessage() == null ? c.getClass().getSimpleName() : c.getClass().getSimpleName() + ": " + c.getMessage();
      throw new AiFailure("the AI endpoint " + settings.endpoint().getHost() + ":" + port() + " could not be reached ("
          + msg + ")", "");
    } finally {
      f.cancel(true);
    }
  }

  private int port() {
    int p = settings.endpoint().getPort();
    return p > 0 ? p : "https".equals(settings.endpoint().getScheme()) ? 443 : 80;
  }

  /** OpenAI-style errors carry {"error":{"message":…}}; show that message when present. */
  private static String describeError(String body) {
    try {
      JsonNode m = Json.parse(body).path("error").path("message");
      if (m.isTextual() && !m.asText().isBlank()) {
        return ": " + excerpt(m.asText());
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the excerpt carries the body
    }
    return "";
  }

  static String excerpt(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
  }
}
