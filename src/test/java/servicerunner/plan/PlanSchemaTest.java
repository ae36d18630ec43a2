package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import servicerunner.testing.Fixtures;

/**
 * The generated plan schema, checked by an independent validator (networknt, draft 2020-12) against the runner on
 * every fixture plan, every task the app builds, and corpora of valid and invalid plans: where the schema says valid
 * the runner must accept, where it says invalid the runner must refuse. {@code fixtures/plans/invalid-runner-only}
 * holds what only the runner can see (references between tasks, rules between parameters), pinned so the README's
 * list of those stays true.
 */
class PlanSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema SCHEMA = REGISTRY.getSchema(PlanSchema.generate());

  private static List<Error> schemaErrors(JsonNode plan) {
    return SCHEMA.validate(plan);
  }

  /** The runner's own verdict on the plan: null when it would run, else its problems. */
  private static List<String> runnerProblems(byte[] plan) {
    try {
      PreparedPlan.prepare(PlanParser.parse(plan, "plan.json"));
      return null;
    } catch (PlanException e) {
      return e.problems();
    }
  }

  private static void assertBothAccept(String name, byte[] plan) throws IOException {
    List<Error> errors = schemaErrors(MAPPER.readTree(plan));
    assertEquals(List.of(), errors.stream().map(Error::toString).toList(), name + ": the schema refuses it");
    assertEquals(null, runnerProblems(plan), name + ": the runner refuses it");
  }

  private static Stream<Path> files(Path dir, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.newDirectoryStream(dir, glob)) {
      s.forEach(out::add);
    }
    out.sort(null);
    return out.stream();
  }

  @Test
  void theSchemaIsAValidDraft2020_12Schema() {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of(PlanSchema.DRAFT));
    assertEquals(List.of(), meta.validate(PlanSchema.generate()).stream().map(Error::toString).toList());
    assertEquals(PlanSchema.DRAFT, PlanSchema.generate().path("$schema").asText());
  }

  @TestFactory
  Stream<DynamicTest> everyFixturePlanIsValidForBoth() throws IOException {
    return Stream.concat(files(Fixtures.root(), "test_*.json"),
            Stream.concat(files(Fixtures.path("plans"), "*.json"), files(Fixtures.path("plans", "valid"), "*.json")))
        .map(p -> DynamicTest.dynamicTest(Fixtures.root().relativize(p).toString(),
            () -> assertBothAccept(p.toString(), Files.readAllBytes(p))));
  }

  @TestFactory
  Stream<DynamicTest> everyTaskTheAppBuildsIsValidForBoth() throws IOException {
    JsonNode captured = MAPPER.readTree(Fixtures.path("app-built", "app-built-tasks.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode t : captured.get("tasks")) {
      byte[] plan = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().set("tasks", MAPPER.createArrayNode().add(t.get("task"))));
      tests.add(DynamicTest.dynamicTest(t.get("handler").asText(), () -> assertBothAccept(t.get("handler").asText(), plan)));
    }
    assertTrue(tests.size() >= 26, "the app builds 26 task variants, found " + tests.size());
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidPlanIsRefusedByBoth() throws IOException {
    List<Path> corpus = files(Fixtures.path("plans", "invalid"), "*.json").toList();
    assertTrue(corpus.size() >= 40, "the invalid corpus is there: " + corpus.size());
    return corpus.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      byte[] plan = Files.readAllBytes(p);
      assertFalse(schemaErrors(MAPPER.readTree(plan)).isEmpty(), p + ": the schema accepts it");
      List<String> problems = runnerProblems(plan);
      if (problems == null) {
        fail(p + ": the runner accepts it");
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> whatOnlyTheRunnerSeesIsPassedByTheSchemaAndRefusedByTheRunner() throws IOException {
    return files(Fixtures.path("plans", "invalid-runner-only"), "*.json").map(p ->
        DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
          byte[] plan = Files.readAllBytes(p);
          assertEquals(List.of(), schemaErrors(MAPPER.readTree(plan)).stream().map(Error::toString).toList(),
              p + ": the schema now sees this: move it to plans/invalid and update the README");
          assertTrue(runnerProblems(plan) != null, p + ": the runner accepts it");
        }));
  }

  @Test
  void everyTypeHasABranchWithItsParametersDefaultsAndRanges() {
    JsonNode branches = PlanSchema.generate().at("/$defs/task/allOf");
    JsonNode ping = null;
    for (JsonNode b : branches) {
      if (b.at("/if/properties/type/const").asText().equals("ping_test")) {
        ping = b.get("then");
      }
    }
    assertEquals(servicerunner.task.TaskCatalog.ids().size(), branches.size());
    JsonNode count = ping.at("/properties/count");
    assertEquals(500, count.at("/anyOf/0/maximum").asInt());
    assertEquals("integer", count.at("/anyOf/0/type").asText());
    assertTrue(count.path("description").asText().length() > 5);
    assertEquals(count, ping.at("/properties/params/properties/count"));
  }
}
