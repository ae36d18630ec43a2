package servicerunner.task.ai;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.text.Pairs;

/**
 * Lists what Windows starts at logon, asks an OpenAI-compatible model which items are safe to disable, and in
 * apply mode disables them (registry values after a {@code reg export} backup; files moved to DisabledStartup).
 * Preview is the default.
 */
public final class AiStartupDisableTask extends AiReviewTask<StartupItem> {

  static final AiShape SHAPE = new AiShape("startup items", "disable", "Disabled", "No startup items found", "items",
      List.of("total_items", "items_enumerated"), List.of("all_items", "items"), "estimated_boot_time_saving",
      "potential_boot_time_saving", "name", "dry_run", null,
      Pairs.ordered("category", "unknown", "reason", "", "user_impact", "", "manual_launch", "", "risk", "unknown",
          "confidence", "unknown"),
      String.join("\n",
          "You help a computer repair technician trim Windows startup programs.",
          "Recommend disabling an item only when all of these hold: it is not needed for the system, security,",
          "hardware, drivers, backup, sync, remote access, VPN, accessibility or automation; the user can start it",
          "by hand when needed (game launchers, chat apps, media players, optional updaters, trial or advertising",
          "apps); you identified it with high confidence. When in doubt, keep it enabled.",
          "Answer with one JSON object and nothing else:",
          "{\"to_disable\":[{\"id\":\"<id from the input>\",\"name\":\"...\",\"category\":\"game_launcher|messaging|"
              + "media_player|updater|bloatware|other\",\"reason\":\"...\",\"user_impact\":\"...\","
              + "\"manual_launch\":\"...\",\"risk\":\"low|medium|high\",\"confidence\":\"high|medium|low\"}],",
          " \"keep_enabled\":[{\"id\":\"<id from the input>\",\"name\":\"...\",\"category\":\"...\","
              + "\"reason\":\"...\"}],",
          " \"analysis_summary\":{\"total_items\":0,\"critical_items\":0,\"safe_to_disable\":0,"
              + "\"potential_boot_time_saving\":\"e.g. 5-10 seconds\"}}",
          "Every id must be copied exactly from the input."));

  static final TaskDeclaration DECLARATION = declare("ai_startup_disable",
          "Asks an AI model which startup programs (Run/RunOnce keys, Startup folders) are safe to disable;"
              + " previews by default, disables them with apply_changes.", SHAPE)
      .windowsTool("The reg executable (default: reg from PATH). On hosts other than Windows, giving it lets the"
          + " task run against a fake reg and the injected sources below (tests).")
      .params(ParamSpec.string("registry_export_file", "Read the Run keys from this saved `reg query` output"
              + " instead of running reg query."),
          ParamSpec.stringList("startup_folders", "Scan these folders instead of the user and common Startup"
              + " folders."),
          ParamSpec.string("backup_dir", "Where `reg export` backups go before values are deleted (default:"
              + " %LOCALAPPDATA%\\service-runner\\backups, else the temp folder)."))
      .example("{\"type\":\"ai_startup_disable\",\"model\":\"openai/gpt-4o-mini\","
          + "\"api_key\":\"env:AUTOSERVICE_OPENAI_KEY\",\"apply_changes\":false}")
      .build();

  public AiStartupDisableTask() {
    super(DECLARATION, SHAPE);
  }

  @Override
  protected Found<StartupItem> enumerate(TaskContext ctx, Consumer<String> log) {
    Path exportFile = ctx.params().optString("registry_export_file").map(Path::of).orElse(null);
    return new StartupEnumerator(ctx, reg(ctx.params()), log).enumerate(exportFile, StartupEnumerator.folders(ctx));
  }

  @Override
  protected void apply(TaskContext ctx, List<StartupItem> chosen, Progress<StartupItem> progress) {
    new StartupApplier(ctx, reg(ctx.params()), backupDir(ctx)).apply(chosen, progress);
  }

  private static String reg(Params p) {
    return p.optString("executable_path").orElse("reg");
  }

  static Path backupDir(TaskContext ctx) {
    Path dir = folder(ctx, "backup_dir", "LOCALAPPDATA", "service-runner", "backups");
    return dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "service-runner-backups");
  }
}
