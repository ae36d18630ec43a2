package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import servicerunner.json.Json;

/**
 * Checks the model's message content against the shape the prompt asked for:
 * {@code {"to_disable":[{id,…}], "keep_enabled":[{id,…}], "analysis_summary":{…}}}. Pure: text in, answer out.
 * to_disable is required; a missing keep_enabled or analysis_summary is tolerated (noted), a wrong type is not.
 */
public final class AnswerValidator {
  private AnswerValidator() {}

  /** The model's validated answer: entries to disable, entries to keep, its free-form summary, what it left out. */
  public record Answer(List<ObjectNode> toDisable, List<ObjectNode> keepEnabled, ObjectNode analysisSummary,
      List<String> notes) {}

  public static Answer validate(String content) throws AiFailure {
    String text = stripFence(content);
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (IOException e) {
      throw new AiFailure("the model's answer is not valid JSON", ChatClient.excerpt(content));
    }
    if (!(root instanceof ObjectNode)) {
      throw new AiFailure("the model's answer is not a JSON object", ChatClient.excerpt(content));
    }
    List<String> notes = new ArrayList<>();
    List<ObjectNode> toDisable = entries(root, "to_disable", true, notes, content);
    List<ObjectNode> keep = entries(root, "keep_enabled", false, notes, content);
    JsonNode summary = root.get("analysis_summary");
    ObjectNode analysis;
    if (summary == null || summary.isNull()) {
      notes.add("the model gave no analysis_summary");
      analysis = Json.object();
    } else if (summary instanceof ObjectNode) {
      analysis = (ObjectNode) summary;
    } else {
      throw new AiFailure("the model's analysis_summary is not an object", ChatClient.excerpt(content));
    }
    return new Answer(toDisable, keep, analysis, notes);
  }

  private static List<ObjectNode> entries(JsonNode root, String field, boolean required, List<String> notes,
      String content) throws AiFailure {
    JsonNode a = root.get(field);
    List<ObjectNode> out = new ArrayList<>();
    if (a == null || a.isNull()) {
      if (required) {
        throw new AiFailure("the model's answer has no " + field + " array", ChatClient.excerpt(content));
      }
      notes.add("the model gave no " + field + " list");
      return out;
    }
    if (!a.isArray()) {
      throw new AiFailure("the model's " + field + " is not an array", ChatClient.excerpt(content));
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode e = a.get(i);
      if (!(e instanceof ObjectNode)) {
        throw new AiFailure("the model's " + field + "[" + i + "] is not an object", ChatClient.excerpt(content));
      }
      if (!e.path("id").isTextual() && !e.path("id").isNumber()) {
        throw new AiFailure("the model's " + field + "[" + i + "] has no id", ChatClient.excerpt(content));
      }
      out.add((ObjectNode) e);
    }
    return out;
  }

  /** Some models wrap JSON in a ```json fence even in json_object mode. */
  static String stripFence(String s) {
    String t = s.strip();
    if (t.startsWith("```")) {
      int nl = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (nl > 0 && end > nl) {
        return t.substring(nl + 1, end).strip();
      }
    }
    return t;
  }

  /** A text field of an answer entry, or {@code fallback} when absent or not text. */
  public static String text(ObjectNode entry, String field, String fallback) {
    JsonNode v = entry.get(field);
    return v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank() ? v.asText() : fallback;
  }
}
