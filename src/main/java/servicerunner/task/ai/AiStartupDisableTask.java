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
 * Lists what Windows starts at logon, asks an OpenAI-compatible model which items are safe to disable, and in
 * apply mode disables them (registry values after a {@code reg export} backup; files moved to DisabledStartup).
 * Preview is the default.
 */
public final class AiStartupDisableTask implements TaskType {

  @Override
  public String id() {
    return "ai_startup_disable";
  }

  @Override
  public String description() {
    return "Asks an AI model which startup programs (Run/RunOnce keys, Startup folders) are safe to disable;"
        + " previews by default, disables them with apply_changes.";
  }

  @Override
  public List<ParamSpec> params() {
    List<ParamSpec> l = new ArrayList<>(AiParams.common());
    l.add(ParamSpec.bool("dry_run", "true forces a preview even when apply_changes is true."));
    l.add(ParamSpec.string("executable_path", "The reg executable (default: reg from PATH). On hosts other than"
        + " Windows, giving it lets the task run against a fake reg and the injected sources below (tests)."));
    l.add(ParamSpec.string("registry_export_file", "Read the Run keys from this saved `reg query` output instead"
        + " of running reg query."));
    l.add(ParamSpec.stringList("startup_folders", "Scan these folders instead of the user and common Startup"
        + " folders."));
    l.add(ParamSpec.string("backup_dir", "Where `reg export` backups go before values are deleted (default:"
        + " %LOCALAPPDATA%\\service-runner\\backups, else the temp folder)."));
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
    return "{\"type\":\"ai_startup_disable\",\"model\":\"openai/gpt-4o-mini\",\"api_key\":\"env:AUTOSERVICE_OPENAI_KEY\","
        + "\"apply_changes\":false}";
  }

  @Override
  public TaskOutcome run(TaskContext ctx) throws InterruptedException {
    long t0 = System.nanoTime();
    Params p = ctx.params();
    SecretMasker masker = new SecretMasker();
    Consumer<String> log = line -> ctx.log(masker.mask(line));
    boolean apply = p.bool("apply_changes") && !p.flag("dry_run");
    AiSettings.Resolved resolved = AiSettings.resolve(p, ctx::env, masker);
    String model = AiSettings.modelName(p.string("model"));
    if (resolved.problem() != null) {
      return masked(masker, AiOutcomes.error(AiOutcomes.MISSING_PARAMETERS, resolved.problem(), apply, model,
          seconds(t0), "total_items", "all_items", List.of(), null));
    }
    AiSettings settings = resolved.settings();
    log.accept("Mode: " + (apply ? "apply changes" : "preview (no changes)") + ", model " + model);

    String regExe = p.optString("executable_path").orElse("reg");
    List<StartupEnumerator.Folder> folders = p.has("startup_folders")
        ? StartupEnumerator.givenFolders(p.stringList("startup_folders"))
        : StartupEnumerator.defaultFolders(ctx);
    Path exportFile = p.optString("registry_export_file").map(Path::of).orElse(null);
    StartupEnumerator.Result found = new StartupEnumerator(ctx, log).enumerate(regExe, exportFile, folders);
    found.problems().forEach(pr -> log.accept("Warning: " + pr));
    List<StartupItem> items = found.items();
    List<ObjectNode> itemJson = items.stream().map(StartupItem::toJson).collect(Collectors.toList());
    log.accept("Found " + items.size() + " startup items");
    // nothing found while a source failed is not "no startup items": the technician must see the failure
    if (items.isEmpty() && found.sourcesFailed() > 0) {
      return masked(masker, AiOutcomes.error(AiOutcomes.ENUMERATION_FAILED,
          "Failed to enumerate startup items: " + String.join("; ", found.problems()), apply, model, seconds(t0),
          "total_items", "all_items", itemJson, null));
    }
    List<String> notes = new ArrayList<>(found.problems());
    if (items.isEmpty()) {
      return TaskOutcome.of(Status.SUCCESS, masker.maskTree(StartupSummary.build(new StartupSummary.Input(
          apply, items, null, null, null, model, seconds(t0), null, notes))));
    }

    log.accept("Asking " + settings.endpoint() + " about " + items.size() + " items");
    Consultation.Answered answered;
    try {
      answered = Consultation.ask(settings, ctx, StartupPrompt.SYSTEM, StartupPrompt.user(items));
    } catch (AiFailure e) {
      log.accept("AI analysis failed: " + e.getMessage());
      return masked(masker, AiOutcomes.error(AiOutcomes.AI_FAILED, "AI analysis failed: " + e.getMessage(), apply,
          model, seconds(t0), "total_items", "all_items", itemJson, e.rawExcerpt()));
    }
    AiAnswer answer = answered.answer();
    notes.addAll(answer.notes());
    Choices<StartupItem> choices = Choices.match(items, StartupItem::id, answer.toDisable(), "name");
    log.accept("AI recommends disabling " + choices.matched.size() + ", keeping " + answer.keepEnabled().size()
        + (choices.skipped.isEmpty() ? "" : ", " + choices.skipped.size() + " unknown ids ignored"));
    choices.matched.forEach(c -> log.accept("  " + c.getKey().name() + ": "
        + AnswerValidator.text(c.getValue(), "reason", "")));

    StartupApplier.Outcome outcome = null;
    if (apply && !choices.matched.isEmpty()) {
      List<StartupApplier.Choice> chosen = choices.matched.stream()
          .map(c -> new StartupApplier.Choice(c.getKey(), c.getValue())).collect(Collectors.toList());
      outcome = new StartupApplier(ctx, regExe, backupDir(p, ctx), log).apply(chosen);
    }
    ObjectNode summary = StartupSummary.build(new StartupSummary.Input(apply, items, answer, choices, outcome, model,
        seconds(t0), answered.usage(), notes));
    int disabled = outcome == null ? 0 : outcome.disabled().size();
    int errors = outcome == null ? 0 : outcome.errors().size();
    Status status = AiOutcomes.status(apply, disabled, errors);
    if (status == Status.ERROR) {
      summary.put("error", "none of the " + errors + " recommended startup items could be disabled");
    }
    return TaskOutcome.of(status, masker.maskTree(summary));
  }

  static Path backupDir(Params p, TaskContext ctx) {
    if (p.has("backup_dir")) {
      return Path.of(p.string("backup_dir")).toAbsolutePath();
    }
    String local = ctx.env("LOCALAPPDATA");
    if (local != null && !local.isBlank()) {
      return Path.of(local, "service-runner", "backups");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "service-runner-backups");
  }

  private static TaskOutcome masked(SecretMasker masker, TaskOutcome o) {
    masker.maskTree(o.summary());
    return o;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
