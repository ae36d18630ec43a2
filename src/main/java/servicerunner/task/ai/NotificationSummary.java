package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import servicerunner.json.Json;

/** Builds the ai_browser_notification_disable summary with the field names of the UI contract, section 6. */
final class NotificationSummary {
  private NotificationSummary() {}

  record Input(
      boolean applied,
      List<BrowserNotification> items,
      List<ObjectNode> notInspected,
      AiAnswer answer,
      Choices<BrowserNotification> choices,
      NotificationApplier.Outcome outcome,
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
    JsonNode reduction = in.answer() == null ? null : in.answer().analysisSummary().get("estimated_reduction");

    ObjectNode s = Json.object();
    ObjectNode hr = s.putObject("human_readable");
    hr.put("verdict", verdict(in, recommendations, disabled, errors));
    hr.put("mode", in.applied() ? "Applied Changes" : "Preview Mode");
    hr.put("total_notifications", in.items().size());
    hr.put("recommendations", recommendations);
    hr.put("notifications_disabled", disabled);
    hr.put("notifications_skipped", skipped);
    hr.put("notifications_kept_enabled", kept);
    hr.put("errors", errors);
    hr.put("estimated_reduction", reduction != null && !reduction.asText().isBlank() ? reduction.asText() : "Unknown");
    hr.put("model_used", in.modelUsed());
    hr.put("duration_seconds", Json.round(in.seconds(), 2));
    if (!in.notInspected().isEmpty()) {
      hr.put("not_inspected", in.notInspected().size() + " Firefox profile(s) not inspected");
    }

    ObjectNode r = s.putObject("results");
    r.put("enumerated_count", in.items().size());
    ArrayNode all = r.putArray("all_notifications");
    in.items().forEach(n -> all.add(n.toJson()));
    ArrayNode toDisable = r.putArray("to_disable");
    if (in.choices() != null) {
      for (Map.Entry<BrowserNotification, ObjectNode> c : in.choices().matched) {
        toDisable.add(recommendation(c.getKey(), c.getValue()));
      }
    }
    ArrayNode keep = r.putArray("keep_enabled");
    if (in.answer() != null) {
      in.answer().keepEnabled().forEach(keep::add);
    }
    ArrayNode dis = r.putArray("disabled");
    ArrayNode backups = r.putArray("backup_files");
    ArrayNode errs = r.putArray("errors");
    if (in.outcome() != null) {
      for (NotificationApplier.Choice c : in.outcome().disabled()) {
        ObjectNode d = recommendation(c.item(), c.entry());
        d.put("permission", "blocked");
        dis.add(d);
      }
      in.outcome().backups().forEach(backups::add);
      in.outcome().errors().forEach(errs::add);
    }
    ArrayNode sk = r.putArray("skipped");
    if (in.choices() != null) {
      in.choices().skipped.forEach(sk::add);
    }
    r.set("analysis_summary", in.answer() == null ? Json.object() : in.answer().analysisSummary());
    r.put("applied", in.applied());
    r.set("ai_usage", in.usage() == null ? Json.object() : in.usage());
    ArrayNode ni = r.putArray("not_inspected");
    in.notInspected().forEach(ni::add);
    ArrayNode notes = r.putArray("notes");
    in.notes().forEach(notes::add);
    s.put("duration_seconds", Json.round(in.seconds(), 2));
    return s;
  }

  static ObjectNode recommendation(BrowserNotification n, ObjectNode e) {
    ObjectNode o = Json.object();
    o.put("id", n.id());
    o.put("origin", n.origin());
    o.put("browser", n.browser());
    o.put("profile", n.profile());
    o.put("category", AnswerValidator.text(e, "category", "other"));
    o.put("reason", AnswerValidator.text(e, "reason", ""));
    o.put("user_impact", AnswerValidator.text(e, "user_impact", ""));
    o.put("alternative", AnswerValidator.text(e, "alternative", ""));
    o.put("confidence", AnswerValidator.text(e, "confidence", "unknown"));
    o.put("permission", "allowed");
    return o;
  }

  private static String verdict(Input in, int recommendations, int disabled, int errors) {
    String ff = in.notInspected().isEmpty() ? "" : "; Firefox not inspected";
    if (in.items().isEmpty()) {
      return "No sites are allowed to show notifications in Chromium browsers" + ff;
    }
    if (!in.applied()) {
      return "Preview: " + recommendations + " of " + in.items().size() + " notification permissions recommended"
          + " to block (nothing changed)" + ff;
    }
    return "Blocked " + disabled + " of " + recommendations + " recommended notification permissions"
        + (errors > 0 ? ", " + errors + " failed" : "") + ff;
  }
}
