package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import servicerunner.json.Json;

/** Builds the ai_startup_disable summary with the field names of the UI contract, section 6. */
final class StartupSummary {
  private StartupSummary() {}

  record Input(
      boolean applied,
      List<StartupItem> items,
      AiAnswer answer,
      Choices<StartupItem> choices,
      StartupApplier.Outcome outcome,
      String modelUsed,
      double seconds,
      ObjectNode usage,
      List<String> notes) {}

  static ObjectNode build(Input in) {
    int disabled = in.outcome() == null ? 0 : in.outcome().disabled().size();
    int errors = in.outcome() == null ? 0 : in.outcome().errors().size();
    int recommendations = in.choices() == null ? 0 : in.choices().matched.size();
    int skipped = in.choices() == null ? 0 : in.choices().skipped.size();
    int kept = in.answer() == null ? 0 : in.answer().keepEnabled().size();
    JsonNode saving = in.answer() == null ? null : in.answer().analysisSummary().get("potential_boot_time_saving");

    ObjectNode s = Json.object();
    ObjectNode hr = s.putObject("human_readable");
    hr.put("verdict", verdict(in, recommendations, disabled, errors));
    hr.put("mode", in.applied() ? "Applied Changes" : "Preview Mode");
    hr.put("total_items", in.items().size());
    hr.put("items_enumerated", in.items().size());
    hr.put("recommendations", recommendations);
    hr.put("items_disabled", disabled);
    hr.put("items_skipped", skipped);
    hr.put("items_kept_enabled", kept);
    hr.put("errors", errors);
    hr.put("estimated_boot_time_saving", saving != null && !saving.asText().isBlank() ? saving.asText() : "Unknown");
    hr.put("model_used", in.modelUsed());
    hr.put("duration_seconds", Json.round(in.seconds(), 2));

    ObjectNode r = s.putObject("results");
    r.put("enumerated_count", in.items().size());
    ArrayNode all = r.putArray("all_items");
    in.items().forEach(i -> all.add(i.toJson()));
    r.set("items", all.deepCopy());
    ArrayNode toDisable = r.putArray("to_disable");
    if (in.choices() != null) {
      for (Map.Entry<StartupItem, ObjectNode> c : in.choices().matched) {
        toDisable.add(recommendation(c.getKey(), c.getValue()));
      }
    }
    ArrayNode keep = r.putArray("keep_enabled");
    if (in.answer() != null) {
      in.answer().keepEnabled().forEach(keep::add);
    }
    ArrayNode dis = r.putArray("disabled");
    ArrayNode backups = r.putArray("backup_files");
    if (in.outcome() != null) {
      for (StartupApplier.Choice c : in.outcome().disabled()) {
        ObjectNode d = recommendation(c.item(), c.entry());
        d.remove(List.of("publisher", "is_microsoft_signed", "risk", "confidence"));
        dis.add(d);
      }
      in.outcome().backups().forEach(backups::add);
    }
    ArrayNode errs = r.putArray("errors");
    if (in.outcome() != null) {
      in.outcome().errors().forEach(errs::add);
    }
    ArrayNode sk = r.putArray("skipped");
    if (in.choices() != null) {
      in.choices().skipped.forEach(sk::add);
    }
    r.set("analysis_summary", in.answer() == null ? Json.object() : in.answer().analysisSummary());
    r.put("applied", in.applied());
    r.set("ai_usage", in.usage() == null ? Json.object() : in.usage());
    ArrayNode notes = r.putArray("notes");
    in.notes().forEach(notes::add);
    s.put("duration_seconds", Json.round(in.seconds(), 2));
    return s;
  }

  static ObjectNode recommendation(StartupItem item, ObjectNode e) {
    ObjectNode o = Json.object();
    o.put("id", item.id());
    o.put("name", item.name());
    o.put("command", item.command());
    o.put("location", item.location());
    o.put("location_display", item.locationDisplay());
    if (item.publisher() == null) {
      o.putNull("publisher");
    } else {
      o.put("publisher", item.publisher());
    }
    o.put("is_microsoft_signed", item.microsoftSigned());
    o.put("category", AnswerValidator.text(e, "category", "unknown"));
    o.put("reason", AnswerValidator.text(e, "reason", ""));
    o.put("user_impact", AnswerValidator.text(e, "user_impact", ""));
    o.put("manual_launch", AnswerValidator.text(e, "manual_launch", ""));
    o.put("risk", AnswerValidator.text(e, "risk", "unknown"));
    o.put("confidence", AnswerValidator.text(e, "confidence", "unknown"));
    return o;
  }

  private static String verdict(Input in, int recommendations, int disabled, int errors) {
    if (in.items().isEmpty()) {
      return "No startup items found";
    }
    if (!in.applied()) {
      return recommendations == 0
          ? "Preview: " + in.items().size() + " startup items checked, none recommended to disable"
          : "Preview: " + recommendations + " of " + in.items().size() + " startup items recommended to disable"
              + " (nothing changed)";
    }
    return "Disabled " + disabled + " of " + recommendations + " recommended startup items"
        + (errors > 0 ? ", " + errors + " failed" : "");
  }
}
