package servicerunner.task.ai;

import java.util.List;
import java.util.function.Consumer;
import servicerunner.param.ParamSpec;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.text.Pairs;

/**
 * Lists the sites allowed to show notifications in Chromium browsers, asks an OpenAI-compatible model which to
 * block, and in apply mode blocks them in each profile's Preferences (only while that browser is closed).
 */
public final class AiBrowserNotificationDisableTask extends AiReviewTask<BrowserNotification> {

  static final AiShape SHAPE = new AiShape("notification permissions", "block", "Blocked",
      "No sites are allowed to show notifications in Chromium browsers", "notifications",
      List.of("total_notifications"), List.of("all_notifications"), "estimated_reduction", "estimated_reduction",
      "origin", "preview_mode", "Firefox profile(s)",
      Pairs.ordered("category", "other", "reason", "", "user_impact", "", "alternative", "", "confidence", "unknown"),
      String.join("\n",
          "You help a computer repair technician reduce browser notification spam.",
          "Recommend blocking notifications from social media, news, shopping, entertainment, marketing and other",
          "low-value sites. Keep: work mail and chat, calendars, task and reminder apps, timers, alerting or",
          "notification services, localhost and self-hosted services, banking, security, health, government and",
          "education sites. When in doubt, keep it enabled.",
          "Answer with one JSON object and nothing else:",
          "{\"to_disable\":[{\"id\":\"<id from the input>\",\"origin\":\"...\",\"browser\":\"...\",\"category\":"
              + "\"social_media|shopping|news|entertainment|marketing|other\",\"reason\":\"...\",\"user_impact\":"
              + "\"...\",\"alternative\":\"...\",\"confidence\":\"high|medium|low\"}],",
          " \"keep_enabled\":[{\"id\":\"<id from the input>\",\"origin\":\"...\",\"reason\":\"...\"}],",
          " \"analysis_summary\":{\"total_analyzed\":0,\"recommended_to_disable\":0,"
              + "\"estimated_reduction\":\"e.g. 60% fewer interruptions\"}}",
          "Every id must be copied exactly from the input."));

  static final TaskDeclaration DECLARATION = declare("ai_browser_notification_disable",
          "Asks an AI model which browser notification permissions (Chrome, Edge, Brave, Opera) are spam;"
              + " previews by default, blocks them with apply_changes while the browser is closed.", SHAPE)
      .params(ParamSpec.string("browser_data_root", "Folder holding Google/Chrome, Microsoft/Edge and"
              + " BraveSoftware/Brave-Browser (default: %LOCALAPPDATA%)."),
          ParamSpec.string("browser_roaming_root", "Folder holding Opera Software/Opera Stable and"
              + " Mozilla/Firefox (default: %APPDATA%)."))
      .windowsTool("Runs nothing. On hosts other than Windows, giving it (any value) lets the task run against the"
          + " folders given above (tests).")
      .example("{\"type\":\"ai_browser_notification_disable\",\"model\":\"openai/gpt-4o-mini\","
          + "\"api_key\":\"env:AUTOSERVICE_OPENAI_KEY\",\"preview_mode\":true}")
      .build();

  public AiBrowserNotificationDisableTask() {
    super(DECLARATION, SHAPE);
  }

  @Override
  protected Found<BrowserNotification> enumerate(TaskContext ctx, Consumer<String> log) {
    return ChromiumNotifications.enumerate(folder(ctx, "browser_data_root", "LOCALAPPDATA"),
        folder(ctx, "browser_roaming_root", "APPDATA"), log);
  }

  @Override
  protected void apply(TaskContext ctx, List<BrowserNotification> chosen, Progress<BrowserNotification> progress) {
    ChromiumNotifications.apply(chosen, progress);
  }
}
