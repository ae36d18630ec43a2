package servicerunner.task.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import servicerunner.json.Json;
import servicerunner.llm.AiFailure;
import servicerunner.llm.AiSettings;
import servicerunner.llm.AnswerValidator;
import servicerunner.llm.ChatClient;
import servicerunner.llm.SecretMasker;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.DeclaredTask;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/**
 * The run both AI types share: resolve the endpoint, enumerate, ask the model once, match its choices to what was
 * enumerated (an id the model invented is reported as skipped with reason not_found_in_enumeration, never acted
 * on), apply them when apply_changes is set and the preview flag is not, and summarise with the field names of
 * the UI contract. Every text the task writes (log lines, reason, summary) goes through one {@link SecretMasker}.
 * A type gives its {@link AiShape}, how to enumerate and how to disable.
 */
public abstract class AiReviewTask<I extends AiReviewTask.Item> extends DeclaredTask {

  /**
   * One thing the model reviews: {@code id} is what it must quote back, {@code brief} a new node with what it sees
   * (a recommendation starts from it), {@code toJson} its row in the list of everything enumerated.
   */
  public interface Item {
    String id();

    ObjectNode brief();

    ObjectNode toJson();

    /** Its recommendation as results.to_disable lists it, or results.disabled once done. */
    default ObjectNode asListed(ObjectNode recommendation, boolean disabled) {
      return recommendation;
    }
  }

  /**
   * What enumeration found; each problem is a source that could not be read. {@code stopped} is the shared
   * not-completed outcome of a tool that did not reach its exit (the task ends with it at once), else null.
   */
  protected record Found<I>(
      List<I> items, List<String> problems, List<ObjectNode> notInspected, TaskOutcome stopped) {
    Found(List<I> items, List<String> problems, List<ObjectNode> notInspected) {
      this(items, problems, notInspected, null);
    }
  }

  /** Where apply tells what became of each chosen item and which backups it wrote. */
  protected interface Progress<I> {
    /** {@code problem} is null when the item was disabled, else why it was not. */
    void done(I item, String problem);

    void backedUp(Path file);
  }

  private final AiShape shape;

  /** What both declarations share: the model parameters, the shape's preview flag, ten minutes, the verdicts. */
  static TaskDeclaration.Builder declare(String id, String description, AiShape shape) {
    return TaskDeclaration.builder(id, description).params(AiSettings.PARAMS)
        .params(ParamSpec.bool(shape.previewParam(), "true forces a preview even when apply_changes is true."))
        .timeout(Duration.ofMinutes(10)).verdicts("nothing_found", "previewed", "applied", "partly_applied",
            "apply_failed", "missing_parameters", "enumeration_failed", "ai_failed");
  }

  protected AiReviewTask(TaskDeclaration declaration, AiShape shape) {
    super(declaration);
    this.shape = shape;
  }

  /** The folder a path parameter names, else {@code under} the folder an environment variable names, else null. */
  static Path folder(TaskContext ctx, String param, String envName, String... under) {
    if (ctx.params().has(param)) {
      return Path.of(ctx.params().string(param)).toAbsolutePath();
    }
    String v = ctx.env(envName);
    return v == null || v.isBlank() ? null : Path.of(v, under);
  }

  protected abstract Found<I> enumerate(TaskContext ctx, Consumer<String> log);

  /** Disables the chosen items (apply mode only). */
  protected abstract void apply(TaskContext ctx, List<I> chosen, Progress<I> progress);

  @Override
  public final TaskOutcome run(TaskContext ctx) throws InterruptedException {
    return new Review(ctx).run();
  }

  /** One run: its state, from which the summary and every failure are written. */
  private final class Review implements Progress<I> {
    final long started = System.nanoTime();
    final SecretMasker masker = new SecretMasker();
    final TaskContext ctx;
    final boolean apply;
    final String model;
    final Map<I, ObjectNode> chosen = new LinkedHashMap<>();
    final ArrayNode skipped = Json.array();
    final ArrayNode disabled = Json.array();
    final ArrayNode errors = Json.array();
    final ArrayNode backups = Json.array();
    Found<I> found = new Found<>(List.of(), List.of(), List.of());
    AnswerValidator.Answer answer;
    ObjectNode usage = Json.object();

    Review(TaskContext ctx) {
      Params p = ctx.params();
      this.ctx = ctx;
      this.apply = p.bool("apply_changes") && !p.flag(shape.previewParam());
      this.model = AiSettings.modelName(p.string("model"));
    }

    TaskOutcome run() throws InterruptedException {
      AiSettings.Resolved resolved = AiSettings.resolve(ctx.params(), ctx::env, masker);
      if (resolved.problem() != null) {
        return failed("missing_parameters", resolved.problem(), null);
      }
      log("Mode: " + (apply ? "apply changes" : "preview (no changes)") + ", model " + model);
      found = enumerate(ctx, this::log);
      if (found.stopped() != null) {
        return found.stopped();
      }
      found.problems().forEach(problem -> log("Warning: " + problem));
      List<I> items = found.items();
      log("Found " + items.size() + " " + shape.noun());
      // nothing found while a source failed is not "nothing there": the technician must see the failure
      if (items.isEmpty() && !found.problems().isEmpty()) {
        return failed("enumeration_failed",
            "Failed to enumerate " + shape.noun() + ": " + String.join("; ", found.problems()), null);
      }
      if (items.isEmpty()) {
        return finish();
      }
      log("Asking " + resolved.settings().endpoint() + " about " + items.size() + " " + shape.noun());
      ArrayNode brief = Json.array();
      items.forEach(i -> brief.add(i.brief()));
      try {
        ChatClient.Reply reply = new ChatClient(resolved.settings(), ctx::checkCancelled).ask(shape.systemPrompt(),
            "Analyze these " + items.size() + " " + shape.noun() + ":\n" + Json.compact(brief));
        answer = AnswerValidator.validate(reply.content());
        usage = reply.usage();
      } catch (AiFailure e) {
        log("AI analysis failed: " + e.getMessage());
        return failed("ai_failed", "AI analysis failed: " + e.getMessage(), e.rawExcerpt());
      }
      match(items);
      if (apply && !chosen.isEmpty()) {
        apply(ctx, new ArrayList<>(chosen.keySet()), this);
      }
      return finish();
    }

    private void match(List<I> items) {
      Map<String, I> byId = new LinkedHashMap<>();
      items.forEach(i -> byId.putIfAbsent(i.id(), i));
      for (ObjectNode e : answer.toDisable()) {
        String id = e.get("id").asText().trim();
        I item = byId.get(id);
        if (item == null) {
          skipped.addObject().put("id", id)
              .put(shape.nameField(), AnswerValidator.text(e, shape.nameField(), "Unknown"))
              .put("reason", "not_found_in_enumeration");
        } else {
          chosen.putIfAbsent(item, e);
        }
      }
      log("AI recommends to " + shape.verb() + " " + chosen.size() + ", to keep " + answer.keepEnabled().size()
          + (skipped.isEmpty() ? "" : ", " + skipped.size() + " unknown ids ignored"));
      chosen.forEach((item, e) -> log("  " + name(item) + ": " + AnswerValidator.text(e, "reason", "")));
    }

    private ObjectNode recommendation(I item) {
      ObjectNode o = item.brief();
      shape.answerFields().forEach((f, fallback) -> o.put(f, AnswerValidator.text(chosen.get(item), f, fallback)));
      return o;
    }

    @Override
    public void done(I item, String problem) {
      if (problem == null) {
        disabled.add(item.asListed(recommendation(item), true));
        log(shape.past() + ": " + name(item));
      } else {
        errors.add(item.brief().put("error", problem));
        log("Failed: " + name(item) + " - " + problem);
      }
    }

    @Override
    public void backedUp(Path file) {
      backups.add(file.toString());
      log("Backup written: " + file);
    }

    private String name(I item) {
      return AnswerValidator.text(item.brief(), shape.nameField(), item.id());
    }

    private void log(String line) {
      ctx.log(masker.mask(line));
    }

    /** The reference's rule: a preview or a clean apply is success; failures give warning if any got through. */
    private TaskOutcome finish() {
      ObjectNode s = summary(verdict(), null, null);
      String sentence = s.at("/human_readable/verdict").asText();
      if (!apply || errors.isEmpty()) {
        String id = found.items().isEmpty() ? "nothing_found" : apply ? "applied" : "previewed";
        return outcome(Status.SUCCESS, id, sentence, s);
      }
      if (!disabled.isEmpty()) {
        return outcome(Status.WARNING, "partly_applied", sentence, s);
      }
      String error = "none of the " + errors.size() + " recommended " + shape.noun() + " could be "
          + shape.past().toLowerCase(Locale.ROOT);
      return outcome(Status.ERROR, "apply_failed", error, s.put("error", error));
    }

    /** An error the app shows in its red box: human_readable.error, results.error_type, and the reason. */
    private TaskOutcome failed(String verdictId, String message, String rawExcerpt) {
      String m = masker.mask(message);
      ObjectNode s = summary("Failed: " + m, verdictId, m);
      if (rawExcerpt != null && !rawExcerpt.isEmpty()) {
        s.withObjectProperty("results").put("raw_answer_excerpt", rawExcerpt);
      }
      return outcome(Status.ERROR, verdictId, m, s);
    }

    private TaskOutcome outcome(Status status, String verdictId, String sentence, ObjectNode s) {
      return TaskOutcome.of(status, Verdict.of(verdictId, masker.mask(sentence)), masker.maskTree(s));
    }

    private String verdict() {
      int n = found.items().size();
      String what = " " + shape.noun();
      String v = n == 0 ? shape.noneFound()
          : apply ? shape.past() + " " + disabled.size() + " of " + chosen.size() + " recommended" + what
              + (errors.isEmpty() ? "" : ", " + errors.size() + " failed")
          : chosen.isEmpty() ? "Preview: " + n + what + " checked, none recommended to " + shape.verb()
          : "Preview: " + chosen.size() + " of " + n + what + " recommended to " + shape.verb() + " (nothing changed)";
      return caveat() == null ? v : v + "; " + caveat();
    }

    /** Sources seen but not read, e.g. "1 Firefox profile(s) not inspected"; null when there are none. */
    private String caveat() {
      return found.notInspected().isEmpty() ? null
          : found.notInspected().size() + " " + shape.notInspected() + " not inspected";
    }

    /** The summary; with an {@code error} (and its type) for a run that ended before its verdict. */
    private ObjectNode summary(String verdict, String errorType, String error) {
      List<I> items = found.items();
      double seconds = Json.round((System.nanoTime() - started) / 1e9, 2);
      ObjectNode s = error == null ? Json.object() : Json.object().put("error", error);
      ObjectNode hr = s.putObject("human_readable").put("verdict", verdict);
      if (error != null) {
        hr.put("error", error).put("error_type", errorType);
      }
      hr.put("mode", apply ? "Applied Changes" : "Preview Mode");
      shape.countFields().forEach(f -> hr.put(f, items.size()));
      JsonNode estimate = answer == null ? null : answer.analysisSummary().get(shape.estimateKey());
      hr.put("recommendations", chosen.size())
          .put(shape.counted() + "_disabled", disabled.size())
          .put(shape.counted() + "_skipped", skipped.size())
          .put(shape.counted() + "_kept_enabled", answer == null ? 0 : answer.keepEnabled().size())
          .put("errors", errors.size())
          .put(shape.estimateField(), estimate == null || estimate.asText().isBlank() ? "Unknown" : estimate.asText())
          .put("model_used", model)
          .put("duration_seconds", seconds);
      if (caveat() != null) {
        hr.put("not_inspected", caveat());
      }
      ObjectNode r = s.putObject("results");
      if (error != null) {
        r.put("error_type", errorType).put("error_message", error);
      }
      r.put("enumerated_count", items.size());
      ArrayNode all = Json.array();
      items.forEach(i -> all.add(i.toJson()));
      shape.listFields().forEach(f -> r.set(f, all.deepCopy()));
      ArrayNode toDisable = r.putArray("to_disable");
      chosen.keySet().forEach(i -> toDisable.add(i.asListed(recommendation(i), false)));
      r.putArray("keep_enabled").addAll(answer == null ? List.of() : answer.keepEnabled());
      r.set("disabled", disabled);
      r.set("backup_files", backups);
      r.set("errors", errors);
      r.set("skipped", skipped);
      r.set("analysis_summary", answer == null ? Json.object() : answer.analysisSummary());
      r.put("applied", apply && error == null);
      r.set("ai_usage", usage);
      if (shape.notInspected() != null) {
        r.putArray("not_inspected").addAll(found.notInspected());
      }
      ArrayNode notes = r.putArray("notes");
      found.problems().forEach(notes::add);
      if (caveat() != null) {
        notes.add(caveat());
      }
      if (answer != null) {
        answer.notes().forEach(notes::add);
      }
      return s.put("duration_seconds", seconds);
    }
  }
}
