package servicerunner.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import servicerunner.json.Json;

/**
 * What a task concluded: a stable id (declared by its type, so plans can test it), one sentence a technician can
 * read (the TASK_FAIL/TASK_SKIP reason when the task did not succeed) and notes.
 *
 * <p>The common endings every tool task shares (not found, could not start, timed out, went quiet, watch failed)
 * are written one way for every type by {@link #writeTo}: {@code human_readable.verdict} is the id and the
 * sentence leads {@code human_readable.notes}.
 */
public record Verdict(String id, String sentence, List<String> notes) {

  public Verdict {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static Verdict of(String id, String sentence, String... notes) {
    return new Verdict(id, sentence, List.of(notes));
  }

  /** The verdict a parser wrote into the summary's {@code human_readable} (id and notes), with its sentence. */
  public static Verdict written(ObjectNode summary, String sentence) {
    List<String> notes = Json.texts(summary.path("human_readable").path("notes"));
    return new Verdict(summary.path("human_readable").path("verdict").asText(), sentence, notes);
  }

  /** Sets {@code human_readable.verdict} and {@code human_readable.notes} (sentence first), keeping other keys. */
  public ObjectNode writeTo(ObjectNode summary) {
    ObjectNode hr = summary.path("human_readable").isObject()
        ? (ObjectNode) summary.get("human_readable") : summary.putObject("human_readable");
    hr.put("verdict", id);
    ArrayNode n = hr.putArray("notes");
    if (sentence != null && !sentence.isBlank()) {
      n.add(sentence);
    }
    notes.forEach(n::add);
    return summary;
  }
}
