package servicerunner.llm;

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

  /** The validated answer; {@code notes} says what the model left out. */
  public record Answer(List<ObjectNode> toDisable, List<ObjectNode> keepEnabled, ObjectNode analysisSummary,
      List<String> notes) {}

  public static Answer validate(String content) throws AiFailure {
    JsonNode root;
    try {
      root = Json.parse(stripFence(content));
    } catch (IOException e) {
      throw invalid("answer is not valid JSON", content);
    }
    if (!root.isObject()) {
      throw invalid("answer is not a JSON object", content);
    }
    if (!root.hasNonNull("to_disable")) {
      throw invalid("answer has no to_disable array", content);
    }
    List<String> notes = new ArrayList<>();
    List<ObjectNode> toDisable = entries(root, "to_disable", notes, content);
    List<ObjectNode> keep = entries(root, "keep_enabled", notes, content);
    JsonNode summary = root.path("analysis_summary");
    if (!summary.isObject() && !summary.isMissingNode() && !summary.isNull()) {
      throw invalid("analysis_summary is not an object", content);
    }
    if (!summary.isObject()) {
      notes.add("the model gave no analysis_summary");
    }
    return new Answer(toDisable, keep, summary.isObject() ? (ObjectNode) summary : Json.object(), notes);
  }

  private static List<ObjectNode> entries(JsonNode root, String field, List<String> notes, String content)
      throws AiFailure {
    JsonNode a = root.path(field);
    List<ObjectNode> out = new ArrayList<>();
    if (a.isMissingNode() || a.isNull()) {
      notes.add("the model gave no " + field + " list");
    } else if (!a.isArray()) {
      throw invalid(field + " is not an array", content);
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode id = a.get(i).path("id");
      if (!a.get(i).isObject() || !(id.isTextual() || id.isNumber())) {
        throw invalid(field + "[" + i + "] is not an object with an id", content);
      }
      out.add((ObjectNode) a.get(i));
    }
    return out;
  }

  private static AiFailure invalid(String what, String content) {
    return new AiFailure("the model's " + what, ChatClient.excerpt(content));
  }

  /** Some models wrap JSON in a ```json fence even in json_object mode. */
  static String stripFence(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    int end = t.lastIndexOf("```");
    return t.startsWith("```") && nl > 0 && end > nl ? t.substring(nl + 1, end).strip() : t;
  }

  /** A text field of an answer entry, or {@code fallback} when absent or not text. */
  public static String text(ObjectNode entry, String field, String fallback) {
    JsonNode v = entry.get(field);
    return v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank() ? v.asText() : fallback;
  }
}
