package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import servicerunner.json.Json;

/** The instructions and item list sent to the model for startup items. */
final class StartupPrompt {
  private StartupPrompt() {}

  static final String SYSTEM = String.join("\n",
      "You help a computer repair technician trim Windows startup programs.",
      "Recommend disabling an item only when all of these hold: it is not needed for the system, security,",
      "hardware, drivers, backup, sync, remote access, VPN, accessibility or automation; the user can start it by",
      "hand when needed (game launchers, chat apps, media players, optional updaters, trial or advertising apps);",
      "you identified it with high confidence. When in doubt, keep it enabled.",
      "Answer with one JSON object and nothing else:",
      "{\"to_disable\":[{\"id\":\"<id from the input>\",\"name\":\"...\",\"category\":\"game_launcher|messaging|"
          + "media_player|updater|bloatware|other\",\"reason\":\"...\",\"user_impact\":\"...\",\"manual_launch\":\"...\","
          + "\"risk\":\"low|medium|high\",\"confidence\":\"high|medium|low\"}],",
      " \"keep_enabled\":[{\"id\":\"<id from the input>\",\"name\":\"...\",\"category\":\"...\",\"reason\":\"...\"}],",
      " \"analysis_summary\":{\"total_items\":0,\"critical_items\":0,\"safe_to_disable\":0,"
          + "\"potential_boot_time_saving\":\"e.g. 5-10 seconds\"}}",
      "Every id must be copied exactly from the input.");

  static String user(List<StartupItem> items) {
    ArrayNode a = Json.array();
    for (StartupItem i : items) {
      var o = a.addObject();
      o.put("id", i.id());
      o.put("name", i.name());
      o.put("command", i.command());
      o.put("location", i.locationDisplay());
      if (i.publisher() != null) {
        o.put("publisher", i.publisher());
      }
      o.put("is_microsoft_signed", i.microsoftSigned());
    }
    return "Analyze these " + items.size() + " startup items:\n" + Json.compact(a);
  }
}
