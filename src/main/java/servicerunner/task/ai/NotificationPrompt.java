package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import servicerunner.json.Json;

/** The instructions and site list sent to the model for browser notifications. */
final class NotificationPrompt {
  private NotificationPrompt() {}

  static final String SYSTEM = String.join("\n",
      "You help a computer repair technician reduce browser notification spam.",
      "Recommend blocking notifications from social media, news, shopping, entertainment, marketing and other",
      "low-value sites. Keep: work mail and chat, calendars, task and reminder apps, timers, alerting or",
      "notification services, localhost and self-hosted services, banking, security, health, government and",
      "education sites. When in doubt, keep it enabled.",
      "Answer with one JSON object and nothing else:",
      "{\"to_disable\":[{\"id\":\"<id from the input>\",\"origin\":\"...\",\"browser\":\"...\",\"category\":"
          + "\"social_media|shopping|news|entertainment|marketing|other\",\"reason\":\"...\",\"user_impact\":\"...\","
          + "\"alternative\":\"...\",\"confidence\":\"high|medium|low\"}],",
      " \"keep_enabled\":[{\"id\":\"<id from the input>\",\"origin\":\"...\",\"reason\":\"...\"}],",
      " \"analysis_summary\":{\"total_analyzed\":0,\"recommended_to_disable\":0,"
          + "\"estimated_reduction\":\"e.g. 60% fewer interruptions\"}}",
      "Every id must be copied exactly from the input.");

  static String user(List<BrowserNotification> items) {
    ArrayNode a = Json.array();
    for (BrowserNotification n : items) {
      a.addObject().put("id", n.id()).put("origin", n.origin()).put("browser", n.browser()).put("profile", n.profile());
    }
    return "Analyze these " + items.size() + " sites that may show browser notifications:\n" + Json.compact(a);
  }
}
