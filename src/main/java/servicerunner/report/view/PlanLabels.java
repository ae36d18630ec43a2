package servicerunner.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import servicerunner.report.Json;

/**
 * The app's {@code ui_label} per task, which the plan carries but results do not: read again from the plan file
 * or inline text, only when an HTML or JUnit report is asked for. A plan from stdin cannot be read twice, so its
 * tasks go by index and type alone.
 */
public final class PlanLabels {
  private PlanLabels() {}

  public static List<String> read(String planArgument) {
    List<String> out = new ArrayList<>();
    if (planArgument == null || "-".equals(planArgument)) {
      return out;
    }
    try {
      String t = planArgument.stripLeading();
      Path p = null;
      try {
        p = Path.of(planArgument);
      } catch (RuntimeException ignored) {
        // inline JSON that is not a valid path
      }
      String text = p != null && Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8)
          : t.startsWith("{") || t.startsWith("[") ? planArgument : null;
      if (text == null) {
        return out;
      }
      JsonNode root = Json.parse(text);
      JsonNode tasks = root.isArray() ? root : root.has("tasks") ? root.get("tasks") : Json.array().add(root);
      for (JsonNode task : tasks) {
        JsonNode l = task.get("ui_label");
        out.add(l != null && l.isTextual() ? l.asText() : null);
      }
    } catch (java.io.IOException | RuntimeException e) {
      out.clear(); // labels are a nicety; the plan itself was already read and validated
    }
    return out;
  }
}
