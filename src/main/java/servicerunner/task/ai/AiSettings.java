package servicerunner.task.ai;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import servicerunner.task.Params;

/**
 * Where and how to ask the model: endpoint, model name, key, per-request timeout. The key comes from the plan
 * (literal or {@code env:NAME}), else from AUTOSERVICE_OPENAI_KEY, else OPENAI_API_KEY, as in the reference.
 * Every resolved key is registered with the masker before anything else can print it.
 */
public record AiSettings(URI endpoint, String model, String apiKey, Duration requestTimeout) {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** The settings, or a user-facing problem (missing key, bad URL). */
  public record Resolved(AiSettings settings, String problem, String missing) {}

  public static Resolved resolve(Params p, UnaryOperator<String> env, SecretMasker masker) {
    String key = null;
    String keySource = "api_key";
    if (p.has("api_key")) {
      String given = p.string("api_key");
      masker.add(given);
      if (given.startsWith("env:")) {
        keySource = given;
        key = env.apply(given.substring(4).trim());
      } else {
        key = given;
      }
    }
    if (isBlank(key)) {
      key = env.apply("AUTOSERVICE_OPENAI_KEY");
    }
    if (isBlank(key)) {
      key = env.apply("OPENAI_API_KEY");
    }
    masker.add(key);
    if (isBlank(key)) {
      String why = keySource.startsWith("env:")
          ? "api_key: environment variable " + keySource.substring(4).trim() + " is not set"
          : "api_key: not given";
      return new Resolved(null, why + ", and neither AUTOSERVICE_OPENAI_KEY nor OPENAI_API_KEY is set", "api_key");
    }
    URI endpoint;
    try {
      endpoint = chatCompletionsUri(p.string("base_url"));
    } catch (IllegalArgumentException e) {
      return new Resolved(null, "base_url: " + e.getMessage(), "base_url");
    }
    Duration timeout = Duration.ofSeconds(p.integer("request_timeout_seconds"));
    return new Resolved(new AiSettings(endpoint, modelName(p.string("model")), key.trim(), timeout), null, null);
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
    String b = baseUrl.trim();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    if (!b.endsWith("/chat/completions")) {
      b = b + "/chat/completions";
    }
    URI u;
    try {
      u = URI.create(b);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid URL: " + baseUrl);
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException("expected an http:// or https:// URL, got " + baseUrl);
    }
    return u;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
