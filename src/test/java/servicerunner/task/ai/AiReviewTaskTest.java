package servicerunner.task.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.llm.FakeChatServer;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskOutcome;
import servicerunner.text.Pairs;

/** The review skeleton in process: a fake item type, a fake context and a real local chat server. */
class AiReviewTaskTest {
  static final String KEY = "sk-test-SECRET-0042";

  record Thing(String id, String name) implements AiReviewTask.Item {
    @Override
    public ObjectNode brief() {
      return Json.object().put("id", id).put("name", name);
    }

    @Override
    public ObjectNode toJson() {
      return brief().put("where", "here");
    }
  }

  static final AiShape SHAPE = new AiShape("things", "disable", "Disabled", "No things", "things",
      List.of("total_things"), List.of("all_things"), "estimate", "saving", "name", "preview", null,
      Pairs.ordered("category", "unknown", "reason", ""), "system prompt");

  /** Enumerates {@code found}; apply fails the items named in {@code failing} and records what it was given. */
  static final class ThingTask extends AiReviewTask<Thing> {
    final List<Thing> applied = new ArrayList<>();
    AiReviewTask.Found<Thing> found = new Found<>(List.of(new Thing("t1", "Steam"), new Thing("t2", "Defender")),
        List.of(), List.of());
    Set<String> failing = Set.of();

    ThingTask() {
      super(declare("things", "Reviews things.", SHAPE).build(), SHAPE);
    }

    @Override
    protected Found<Thing> enumerate(TaskContext ctx, Consumer<String> log) {
      return found;
    }

    @Override
    protected void apply(TaskContext ctx, List<Thing> chosen, Progress<Thing> progress) {
      applied.addAll(chosen);
      progress.backedUp(Path.of("backup.reg"));
      chosen.forEach(t -> progress.done(t, failing.contains(t.name()) ? "it refused" : null));
    }
  }

  final List<String> log = new ArrayList<>();
  final ThingTask task = new ThingTask();
  FakeChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeChatServer().answering(req -> "{\"to_disable\":["
        + "{\"id\":\"t1\",\"name\":\"Steam\",\"reason\":\"a launcher\"},{\"id\":\"t9\",\"name\":\"Ghost\"},"
        + "{\"id\":\"t1\"}],\"keep_enabled\":[{\"id\":\"t2\"}],\"analysis_summary\":{\"saving\":\"5 s\"}}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TaskOutcome run(ObjectNode params) throws Exception {
    ObjectNode p = Json.object().put("model", "openai/m").put("api_key", KEY).put("base_url", server.baseUrl());
    p.setAll(params);
    ParamValidator.Validation v = ParamValidator.validate(task.declaration().params(), p, n -> n);
    assertEquals(List.of(), v.errors());
    return task.run(context(v.params()));
  }

  TaskContext context(Params params) {
    return new TaskContext() {
      public int index() {
        return 0;
      }

      public Params params() {
        return params;
      }

      public Platform platform() {
        return Platform.LINUX;
      }

      public ProcessResult run(ProcessSpec spec) {
        throw new AssertionError("the skeleton runs no process");
      }

      public void log(String line) {
        log.add(line);
      }

      public String env(String name) {
        return Map.<String, String>of().get(name);
      }

      public Path scratchDir() {
        throw new AssertionError("not used");
      }

      public void checkCancelled() {}
    };
  }

  @Test
  void aPreviewMatchesIdsSkipsInventedOnesAndAppliesNothing() throws Exception {
    TaskOutcome o = run(Json.object());
    assertEquals(Status.SUCCESS, o.status());
    assertEquals("previewed", o.verdict().id());
    JsonNode s = o.summary();
    assertEquals("Preview: 1 of 2 things recommended to disable (nothing changed)", s.at("/human_readable/verdict").asText());
    assertEquals(2, s.at("/human_readable/total_things").asInt());
    assertEquals(1, s.at("/human_readable/recommendations").asInt());
    assertEquals(1, s.at("/human_readable/things_skipped").asInt());
    assertEquals(1, s.at("/human_readable/things_kept_enabled").asInt());
    assertEquals("5 s", s.at("/human_readable/estimate").asText());
    assertEquals("m", s.at("/human_readable/model_used").asText());
    assertEquals("{\"id\":\"t1\",\"name\":\"Steam\",\"category\":\"unknown\",\"reason\":\"a launcher\"}",
        s.at("/results/to_disable/0").toString(), "the item's brief, then the answer fields with defaults");
    assertEquals("{\"id\":\"t9\",\"name\":\"Ghost\",\"reason\":\"not_found_in_enumeration\"}",
        s.at("/results/skipped/0").toString());
    assertEquals("here", s.at("/results/all_things/1/where").asText());
    assertFalse(s.at("/results/applied").asBoolean());
    assertTrue(task.applied.isEmpty());
    assertEquals("[{\"id\":\"t1\",\"name\":\"Steam\"},{\"id\":\"t2\",\"name\":\"Defender\"}]",
        server.received.get(0).body().at("/messages/1/content").asText().split("\n", 2)[1]);
  }

  @Test
  void thePreviewFlagWinsOverApplyChanges() throws Exception {
    TaskOutcome o = run(Json.object().put("apply_changes", true).put("preview", true));
    assertEquals("previewed", o.verdict().id());
    assertEquals("Preview Mode", o.summary().at("/human_readable/mode").asText());
    assertTrue(task.applied.isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"'', SUCCESS, applied, Disabled 1 of 1 recommended things",
      "Steam, ERROR, apply_failed, none of the 1 recommended things could be disabled"})
  void applyIsSuccessUnlessNothingGotThrough(String failing, Status status, String verdict, String reason)
      throws Exception {
    task.failing = Set.of(failing);
    TaskOutcome o = run(Json.object().put("apply_changes", true));
    assertEquals(List.of(new Thing("t1", "Steam")), task.applied);
    assertEquals(status, o.status());
    assertEquals(verdict, o.verdict().id());
    assertEquals(reason, o.verdict().sentence());
    assertEquals("backup.reg", o.summary().at("/results/backup_files/0").asText());
    assertTrue(o.summary().at("/results/applied").asBoolean());
  }

  @Test
  void someFailuresGiveWarning() throws Exception {
    task.found = new AiReviewTask.Found<>(List.of(new Thing("t1", "Steam"), new Thing("t2", "Discord")), List.of(),
        List.of());
    server.answering(req -> "{\"to_disable\":[{\"id\":\"t1\"},{\"id\":\"t2\"}]}");
    task.failing = Set.of("Discord");
    TaskOutcome o = run(Json.object().put("apply_changes", true));
    assertEquals(Status.WARNING, o.status());
    assertEquals("partly_applied", o.verdict().id());
    JsonNode s = o.summary();
    assertEquals("Disabled 1 of 2 recommended things, 1 failed", s.at("/human_readable/verdict").asText());
    assertEquals("{\"id\":\"t2\",\"name\":\"Discord\",\"error\":\"it refused\"}", s.at("/results/errors/0").toString());
    assertEquals("Steam", s.at("/results/disabled/0/name").asText());
  }

  @Test
  void nothingFoundIsSuccessButNothingReadableIsAFailure() throws Exception {
    task.found = new AiReviewTask.Found<>(List.of(), List.of(), List.of());
    TaskOutcome o = run(Json.object());
    assertEquals("nothing_found", o.verdict().id());
    assertEquals("No things", o.summary().at("/human_readable/verdict").asText());

    task.found = new AiReviewTask.Found<>(List.of(), List.of("source A: unreadable"), List.of());
    o = run(Json.object());
    assertEquals(Status.ERROR, o.status());
    assertEquals("enumeration_failed", o.verdict().id());
    assertEquals("Failed to enumerate things: source A: unreadable", o.reason());
    assertEquals("enumeration_failed", o.summary().at("/results/error_type").asText());
    assertEquals(0, o.summary().at("/human_readable/total_things").asInt());
    assertEquals(0, server.received.size(), "the model is not asked about nothing");
  }

  @Test
  void aKeyEchoedByTheEndpointIsMaskedInTheReasonTheSummaryAndTheLog() throws Exception {
    server.failing(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\"}}");
    TaskOutcome o = run(Json.object());
    assertEquals("ai_failed", o.verdict().id());
    assertEquals("AI analysis failed: the AI endpoint answered HTTP 401: Incorrect API key provided: ***.", o.reason());
    assertEquals(o.reason(), o.summary().at("/human_readable/error").asText());
    assertEquals("Failed: " + o.reason(), o.summary().at("/human_readable/verdict").asText());
    assertEquals(2, o.summary().at("/results/all_things").size(), "what was enumerated is still shown");
    assertFalse(o.summary().toString().contains(KEY));
    assertTrue(log.stream().noneMatch(l -> l.contains(KEY)), log.toString());
    assertNull(o.summary().get("results").get("not_inspected"), "a shape without it writes no not_inspected");
  }
}
