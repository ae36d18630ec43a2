package servicerunner.llm;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;

/**
 * Where and how to ask the model: endpoint, model name, key, per-request timeout. The key comes from the plan
 * (literal or {@code env:NAME}), else from AUTOSERVICE_OPENAI_KEY, else OPENAI_API_KEY, as in the reference.
 * Every resolved key is registered with the masker before anything else can print it.
 */
public record AiSettings(URI endpoint, String model, String apiKey, Duration requestTimeout) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** The parameters both AI task types share. */
  public static final List<ParamSpec> PARAMS = List.of(
      ParamSpec.string("model", "Model id; LiteLLM names such as openai/gpt-4o-mini are accepted (the provider"
          + " prefix is dropped).").required(),
      ParamSpec.string("api_key", "API key, or env:NAME to read it from an environment variable; without it"
          + " AUTOSERVICE_OPENAI_KEY then OPENAI_API_KEY are used. Never printed."),
      ParamSpec.string("base_url", "OpenAI-compatible API root (.../v1) or the full .../chat/completions URL.")
          .defaultsTo(DEFAULT_BASE_URL),
      ParamSpec.integer("request_timeout_seconds", "Timeout of the chat-completions request.")
          .defaultsTo(120).range(1.0, 3600.0),
      ParamSpec.bool("apply_changes", "true disables the recommended items; default is a preview.")
          .defaultsTo(false));

  /** The settings, or a user-facing problem (missing key, bad URL). */
  public record Resolved(AiSettings settings, String problem) {}

  public static Resolved resolve(Params p, UnaryOperator<String> env, SecretMasker masker) {
    String key = null;
    String keyVariable = null;
    if (p.has("api_key")) {
      String given = p.string("api_key");
      masker.add(given);
      keyVariable = given.startsWith("env:") ? given.substring(4).trim() : null;
      key = keyVariable == null ? given : env.apply(keyVariable);
    }
    for (String fallback : List.of("AUTOSERVICE_OPENAI_KEY", "OPENAI_API_KEY")) {
      key = isBlank(key) ? env.apply(fallback) : key;
    }
    masker.add(key);
    if (isBlank(key)) {
      String why = keyVariable == null ? "api_key: not given"
          : "api_key: environment variable " + keyVariable + " is not set";
      return new Resolved(null, why + ", and neither AUTOSERVICE_OPENAI_KEY nor OPENAI_API_KEY is set");
    }
    try {
      URI endpoint = chatCompletionsUri(p.string("base_url"));
      Duration timeout = Duration.ofSeconds(p.integer("request_timeout_seconds"));
      return new Resolved(new AiSettings(endpoint, modelName(p.string("model")), key.trim(), timeout), null);
    } catch (IllegalArgumentException e) {
      return new Resolved(null, "base_url: " + e.getMessage());
    }
  }

  /**
   * The app sends LiteLLM names such as {@code openai/gpt-4o-mini}; an OpenAI-compatible endpoint wants the bare
   * model id, so the first path segment (the LiteLLM provider) is dropped.
   */
  public static String modelName(String given) {
    String m = given.trim();
    int slash = m.indexOf('/');
    return slash > 0 && slash < m.length() - 1 ? m.substring(slash + 1) : m;
  }

  /** {@code base_url} may be the API root (…/v1) or already the full …/chat/completions URL. */
  public static URI chatCompletionsUri(String baseUrl) {
    String b = baseUrl.trim().replaceAll("/+$", "");
    URI u;
    try {
      u = URI.create(b.endsWith("/chat/completions") ? b : b + "/chat/completions");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid URL: " + baseUrl);
    }
    if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
      throw new IllegalArgumentException("expected an http:// or https:// URL, got " + baseUrl);
    }
    return u;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
