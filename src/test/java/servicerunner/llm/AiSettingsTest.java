package servicerunner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;

class AiSettingsTest {

  private static AiSettings.Resolved resolve(ObjectNode given, Map<String, String> env, SecretMasker m) {
    var v = ParamValidator.validate(AiSettings.PARAMS, given, n -> n);
    assertEquals(List.of(), v.errors());
    return AiSettings.resolve(v.params(), env::get, m);
  }

  @Test
  void liteLlmProviderPrefixIsDropped() {
    assertEquals("gpt-4o-mini", AiSettings.modelName("openai/gpt-4o-mini"));
    assertEquals("gpt-4o-mini", AiSettings.modelName("gpt-4o-mini"));
    assertEquals("meta-llama/llama-3", AiSettings.modelName("openrouter/meta-llama/llama-3"));
  }

  @Test
  void endpointIsBuiltFromTheBaseUrl() {
    assertEquals("https://api.openai.com/v1/chat/completions", AiSettings.chatCompletionsUri("https://api.openai.com/v1/").toString());
    assertEquals("http://127.0.0.1:4000/v1/chat/completions",
        AiSettings.chatCompletionsUri("http://127.0.0.1:4000/v1/chat/completions").toString());
    assertThrows(IllegalArgumentException.class, () -> AiSettings.chatCompletionsUri("ftp://x/v1"));
    assertThrows(IllegalArgumentException.class, () -> AiSettings.chatCompletionsUri("not a url"));
  }

  @Test
  void keyComesFromPlanThenEnvNameThenFallbacksAndIsMasked() {
    SecretMasker m = new SecretMasker();
    AiSettings s = resolve(Json.object().put("model", "m").put("api_key", "env:MY_KEY"),
        Map.of("MY_KEY", "sk-from-my-key", "OPENAI_API_KEY", "sk-openai"), m).settings();
    assertEquals("sk-from-my-key", s.apiKey());
    assertEquals("key=***", m.mask("key=sk-from-my-key"));

    s = resolve(Json.object().put("model", "m").put("api_key", "env:UNSET"),
        Map.of("AUTOSERVICE_OPENAI_KEY", "sk-autoservice", "OPENAI_API_KEY", "sk-openai"), new SecretMasker()).settings();
    assertEquals("sk-autoservice", s.apiKey());
    s = resolve(Json.object().put("model", "m"), Map.of("OPENAI_API_KEY", "sk-openai"), new SecretMasker()).settings();
    assertEquals("sk-openai", s.apiKey());
    assertEquals(120, s.requestTimeout().toSeconds());
  }

  @Test
  void missingKeyNamesTheVariable() {
    AiSettings.Resolved r = resolve(Json.object().put("model", "m").put("api_key", "env:MY_KEY"), Map.of(),
        new SecretMasker());
    assertNull(r.settings());
    assertTrue(r.problem().contains("MY_KEY is not set"), r.problem());
  }
}
