package servicerunner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import servicerunner.task.TaskCancelledException;

/** The client against a real local HTTP server speaking the chat-completions protocol. */
class ChatClientTest {

  private static AiSettings settings(FakeChatServer s, int timeoutSeconds) {
    return new AiSettings(AiSettings.chatCompletionsUri(s.baseUrl()), "gpt-4o-mini", "sk-test-key",
        Duration.ofSeconds(timeoutSeconds));
  }

  @Test
  void sendsAJsonObjectRequestAndReturnsTheContent() throws Exception {
    try (FakeChatServer s = new FakeChatServer().answering(req -> "{\"to_disable\":[]}")) {
      ChatClient.Reply r = new ChatClient(settings(s, 10), () -> {}).ask("system text", "user text\n[]");
      assertEquals("{\"to_disable\":[]}", r.content());
      assertEquals(444, r.usage().get("total_tokens").asInt());
      FakeChatServer.Received got = s.received.get(0);
      assertEquals("Bearer sk-test-key", got.authorization());
      JsonNode b = got.body();
      assertEquals("gpt-4o-mini", b.get("model").asText());
      assertEquals("json_object", b.at("/response_format/type").asText());
      assertEquals("system", b.at("/messages/0/role").asText());
      assertEquals("user text\n[]", b.at("/messages/1/content").asText());
    }
  }

  @Test
  void httpErrorsCarryTheApiMessage() throws Exception {
    try (FakeChatServer s = new FakeChatServer().failing(401,
        "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\"}}")) {
      AiFailure f = assertThrows(AiFailure.class, () -> new ChatClient(settings(s, 10), () -> {}).ask("s", "u"));
      assertEquals("the AI endpoint answered HTTP 401: Incorrect API key provided.", f.getMessage());
      assertTrue(f.rawExcerpt().contains("invalid_request_error"));
    }
  }

  @Test
  void aSlowServerTimesOut() throws Exception {
    // the server would answer after 5 s: a client that waited for it would not report a timeout
    try (FakeChatServer s = new FakeChatServer().delaying(5000)) {
      AiFailure f = assertThrows(AiFailure.class, () -> new ChatClient(settings(s, 1), () -> {}).ask("s", "u"));
      assertEquals("the AI request timed out after 1 s", f.getMessage());
    }
  }

  @Test
  void aSkipEndsTheWait() throws Exception {
    try (FakeChatServer s = new FakeChatServer().delaying(5000)) {
      long t0 = System.nanoTime();
      assertThrows(TaskCancelledException.class, () -> new ChatClient(settings(s, 60), () -> {
        if (System.nanoTime() - t0 > 300_000_000L) {
          throw new TaskCancelledException("User requested skip");
        }
      }).ask("s", "u"));
    }
  }

  @Test
  void anEnvelopeWithoutContentIsAFailure() throws Exception {
    try (FakeChatServer s = new FakeChatServer().failing(200, "{\"choices\":[]}")) {
      AiFailure f = assertThrows(AiFailure.class, () -> new ChatClient(settings(s, 10), () -> {}).ask("s", "u"));
      assertEquals("the AI endpoint's reply has no choices[0].message.content", f.getMessage());
    }
  }

  @Test
  void aClosedPortIsReported() {
    AiSettings st = new AiSettings(AiSettings.chatCompletionsUri("http://127.0.0.1:9/v1"), "m", "k", Duration.ofSeconds(5));
    AiFailure f = assertThrows(AiFailure.class, () -> new ChatClient(st, () -> {}).ask("s", "u"));
    assertTrue(f.getMessage().startsWith("the AI endpoint 127.0.0.1:9 could not be reached"), f.getMessage());
  }
}
