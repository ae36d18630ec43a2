package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import servicerunner.exec.Platform;
import servicerunner.task.ParamSpec;
import servicerunner.task.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.task.TaskType;

/**
 * Lists the sites allowed to show notifications in Chromium browsers, asks an OpenAI-compatible model which to
 * block, and in apply mode blocks them in each profile's Preferences (only while that browser is closed).
 */
public final class AiBrowserNotificationDisableTask implements TaskType {

  @Override
  public String id() {
    return "ai_browser_notification_disable";
  }

  @Override
  public String description() {
    return "Asks an AI model which browser notification permissions (Chrome, Edge, Brave, Opera) are spam;"
        + " previews by default, blocks them with apply_changes while the browser is closed.";
  }

  @Override
  public List<ParamSpec> params() {
    List<ParamSpec> l = new ArrayList<>(AiParams.common());
    l.add(ParamSpec.bool("preview_mode", "true forces a preview even when apply_changes is true."));
    l.add(ParamSpec.string("browser_data_root", "Folder holding Google/Chrome, Microsoft/Edge and"
        + " BraveSoftware/Brave-Browser (default: %LOCALAPPDATA%)."));
    l.add(ParamSpec.string("browser_roaming_root", "Folder holding Opera Software/Opera Stable and"
        + " Mozilla/Firefox (default: %APPDATA%)."));
    l.add(ParamSpec.string("executable_path", "Runs nothing. On hosts other than Windows, giving it (any value)"
        + " lets the task run against the folders given above (tests)."));
    return l;
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofMinutes(10);
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public String example() {
    return "{\"type\":\"ai_browser_notification_disable\",\"model\":\"openai/gpt-4o-mini\","
        + "\"api_key\":\"env:AUTOSERVICE_OPENAI_KEY\",\"preview_mode\":true}";
  }

  @Override
  public TaskOutcome run(TaskContext ctx) throws InterruptedException {
    long t0 = System.nanoTime();
    Params p = ctx.params();
    SecretMasker masker = new SecretMasker();
    Consumer<String> log = line -> ctx.log(masker.mask(line));
    boolean apply = p.bool("apply_changes") && !p.flag("preview_mode");
    AiSettings.Resolved resolved = AiSettings.resolve(p, ctx::env, masker);
    String model = AiSettings.modelName(p.string("model"));
    if (resolved.problem() != null) {
      return masked(masker, AiOutcomes.error(AiOutcomes.MISSING_PARAMETERS, resolved.problem(), apply, model,
          seconds(t0), "total_notifications", "all_notifications", List.of(), null));
    }
    AiSettings settings = resolved.settings();
    log.accept("Mode: " + (apply ? "apply changes" : "preview (no changes)") + ", model " + model);

    Path local = root(p, ctx, "browser_data_root", "LOCALAPPDATA");
    Path roaming = root(p, ctx, "browser_roaming_root", "APPDATA");
    NotificationEnumerator.Result found = new NotificationEnumerator(log).enumerate(local, roaming);
    found.problems().forEach(pr -> log.accept("Warning: " + pr));
    found.notInspected().forEach(n -> log.accept("Firefox profile " + n.get("profile").asText() + " not inspected"
        + " (permissions.sqlite needs an SQLite reader)"));
    List<BrowserNotification> items = found.notifications();
    List<ObjectNode> itemJson = items.stream().map(BrowserNotification::toJson).collect(Collectors.toList());
    log.accept("Found " + items.size() + " notification permissions");
    // nothing found while a Preferences file could not be read is not "no notifications"
    if (items.isEmpty() && !found.problems().isEmpty()) {
      return masked(masker, AiOutcomes.error(AiOutcomes.ENUMERATION_FAILED,
          "Failed to read browser preferences: " + String.join("; ", found.problems()), apply, model, seconds(t0),
          "total_notifications", "all_notifications", itemJson, null));
    }
    List<String> notes = new ArrayList<>(found.problems());
    if (!found.notInspected().isEmpty()) {
      notes.add(found.notInspected().size() + " Firefox profile(s) not inspected: permissions.sqlite needs an"
          + " SQLite reader this runner does not have");
    }
    if (items.isEmpty()) {
      return TaskOutcome.of(Status.SUCCESS, masker.maskTree(NotificationSummary.build(new NotificationSummary.Input(
          apply, items, found.notInspected(), null, null, null, model, seconds(t0), null, notes))));
    }

    log.accept("Asking " + settings.endpoint() + " about " + items.size() + " sites");
    Consultation.Answered answered;
    try {
      answered = Consultation.ask(settings, ctx, NotificationPrompt.SYSTEM, NotificationPrompt.user(items));
    } catch (AiFailure e) {
      log.accept("AI analysis failed: " + e.getMessage());
      return masked(masker, AiOutcomes.error(AiOutcomes.AI_FAILED, "AI analysis failed: " + e.getMessage(), apply,
          model, seconds(t0), "total_notifications", "all_notifications", itemJson, e.rawExcerpt()));
    }
    AiAnswer answer = answered.answer();
    notes.addAll(answer.notes());
    Choices<BrowserNotification> choices =
        Choices.match(items, BrowserNotification::id, answer.toDisable(), "origin");
    log.accept("AI recommends blocking " + choices.matched.size() + ", keeping " + answer.keepEnabled().size()
        + (choices.skipped.isEmpty() ? "" : ", " + choices.skipped.size() + " unknown ids ignored"));

    NotificationApplier.Outcome outcome = null;
    if (apply && !choices.matched.isEmpty()) {
      List<NotificationApplier.Choice> chosen = choices.matched.stream()
          .map(c -> new NotificationApplier.Choice(c.getKey(), c.getValue())).collect(Collectors.toList());
      outcome = new NotificationApplier(RunningProcesses.names(), log).apply(chosen);
    }
    ObjectNode summary = NotificationSummary.build(new NotificationSummary.Input(apply, items, found.notInspected(),
        answer, choices, outcome, model, seconds(t0), answered.usage(), notes));
    int disabled = outcome == null ? 0 : outcome.disabled().size();
    int errors = outcome == null ? 0 : outcome.errors().size();
    Status status = AiOutcomes.status(apply, disabled, errors);
    if (status == Status.ERROR) {
      summary.put("error", "none of the " + errors + " recommended notification permissions could be blocked");
    }
    return TaskOutcome.of(status, masker.maskTree(summary));
  }

  private static Path root(Params p, TaskContext ctx, String param, String envName) {
    if (p.has(param)) {
      return Path.of(p.string(param)).toAbsolutePath();
    }
    String v = ctx.env(envName);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  private static TaskOutcome masked(SecretMasker masker, TaskOutcome o) {
    masker.maskTree(o.summary());
    return o;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
