package servicerunner.task.ai;

import java.util.ArrayList;
import java.util.List;
import servicerunner.task.ParamSpec;

/** The parameters both AI task types share (endpoint, model, key, timeout, mode). */
final class AiParams {
  private AiParams() {}

  static final int DEFAULT_REQUEST_TIMEOUT_S = 120;

  static List<ParamSpec> common() {
    List<ParamSpec> l = new ArrayList<>();
    l.add(ParamSpec.string("model", "Model id; LiteLLM names such as openai/gpt-4o-mini are accepted (the provider"
        + " prefix is dropped).").required());
    l.add(ParamSpec.string("api_key", "API key, or env:NAME to read it from an environment variable; without it"
        + " AUTOSERVICE_OPENAI_KEY then OPENAI_API_KEY are used. Never printed."));
    l.add(ParamSpec.string("base_url", "OpenAI-compatible API root (.../v1) or the full .../chat/completions URL.")
        .defaultsTo(AiSettings.DEFAULT_BASE_URL));
    l.add(ParamSpec.integer("request_timeout_seconds", "Timeout of the chat-completions request.")
        .defaultsTo(DEFAULT_REQUEST_TIMEOUT_S).range(1.0, 3600.0));
    l.add(ParamSpec.bool("apply_changes", "true disables the recommended items; default is a preview.")
        .defaultsTo(false));
    return l;
  }
}
