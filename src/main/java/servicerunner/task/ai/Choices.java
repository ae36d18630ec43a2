package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import servicerunner.json.Json;

/**
 * Matches the model's to_disable entries to enumerated items by id. An id the model invented (or mangled) is never
 * acted on: it is reported as skipped with reason not_found_in_enumeration, as the reference does.
 */
final class Choices<T> {
  final List<Map.Entry<T, ObjectNode>> matched = new ArrayList<>();
  final List<ObjectNode> skipped = new ArrayList<>();

  static <T> Choices<T> match(List<T> items, Function<T, String> id, List<ObjectNode> toDisable, String nameField) {
    Map<String, T> byId = items.stream().collect(Collectors.toMap(id, x -> x, (a, b) -> a));
    Choices<T> c = new Choices<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ObjectNode e : toDisable) {
      String eid = e.get("id").asText().trim();
      T item = byId.get(eid);
      if (item == null) {
        ObjectNode s = Json.object();
        s.put("id", eid);
        s.put(nameField, AnswerValidator.text(e, nameField, "Unknown"));
        s.put("reason", "not_found_in_enumeration");
        c.skipped.add(s);
      } else if (seen.add(eid)) {
        c.matched.add(Map.entry(item, e));
      }
    }
    return c;
  }
}
