package servicerunner.task.bleachbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/**
 * Runs the real BleachBit through the jar, with HOME and the XDG folders pointed at a temp folder this test owns.
 * The cleaner used, thumbnails.cache, only deletes files under ~/.thumbnails/ and $XDG_CACHE_HOME/thumbnails/
 * (/usr/share/bleachbit/cleaners/thumbnails.xml), so nothing outside the temp folder can be touched.
 */
class BleachbitCleanIT {
  @TempDir Path home;
  private Path a;
  private Path b;

  @BeforeEach
  void createJunk() throws IOException {
    Files.createDirectories(home.resolve(".cache/thumbnails/normal"));
    Files.createDirectories(home.resolve(".thumbnails"));
    a = Files.write(home.resolve(".cache/thumbnails/normal/a.png"), new byte[5000]);
    b = Files.write(home.resolve(".thumbnails/b.png"), new byte[1500]);
  }

  private ObjectNode task(boolean preview, String... options) {
    ObjectNode t = Json.object();
    t.put("type", "bleachbit_clean");
    var arr = t.putArray("options");
    for (String o : options) {
      arr.add(o);
    }
    t.put("preview", preview);
    t.putObject("env")
        .put("HOME", home.toString())
        .put("XDG_CACHE_HOME", home.resolve(".cache").toString())
        .put("XDG_CONFIG_HOME", home.resolve(".config").toString())
        .put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    return t;
  }

  private static RunResult run(ObjectNode... tasks) throws Exception {
    ObjectNode plan = Json.object();
    var arr = plan.putArray("tasks");
    for (ObjectNode t : tasks) {
      arr.add(t);
    }
    RunResult r = RunnerProcess.jar(Json.compact(plan)).run();
    r.assertProtocolClean();
    return r;
  }

  @Test
  void previewKeepsFilesThenCleanDeletesThem() throws Exception {
    Tools.require("bleachbit");
    RunResult r = run(task(true, "thumbnails.cache"), task(false, "thumbnails.cache"));
    assertEquals(List.of("TASK_START:0:bleachbit_clean", "TASK_OK:0:bleachbit_clean",
        "TASK_START:1:bleachbit_clean", "TASK_OK:1:bleachbit_clean"), r.taskMarkers());

    JsonNode preview = r.result(0);
    assertEquals("success", preview.get("status").asText(), preview.toString());
    JsonNode ps = preview.get("summary");
    assertEquals("preview", ps.get("mode").asText());
    assertEquals("preview", ps.at("/human_readable/mode").asText());
    assertFalse(ps.at("/results/applied").asBoolean(true), "a preview is diagnostic for the app");
    assertEquals(2, ps.get("files_deleted").asInt());
    assertTrue(ps.get("space_recovered_bytes").asLong() >= 6500, ps.toString());
    assertTrue(preview.get("command").toString().contains("--preview"));

    JsonNode clean = r.result(1);
    assertEquals("success", clean.get("status").asText(), clean.toString());
    JsonNode cs = clean.get("summary");
    assertEquals("clean", cs.at("/human_readable/mode").asText());
    assertTrue(cs.at("/results/applied").asBoolean());
    assertEquals(2, cs.get("files_deleted").asInt());
    assertTrue(cs.get("space_recovered_bytes").asLong() > 0);
    assertTrue(cs.at("/human_readable/verdict").asText().startsWith("Recovered "), cs.toString());
    for (String f : List.of("space_recovered_bytes", "files_deleted", "special_operations", "errors")) {
      RendererFields.assertField(cs, f, JsonNodeType.NUMBER);
    }
    RendererFields.assertField(cs, "human_readable.space_recovered_human", JsonNodeType.STRING);
    assertFalse(Files.exists(a));
    assertFalse(Files.exists(b));
  }

  @Test
  void previewLeavesTheFilesInPlace() throws Exception {
    Tools.require("bleachbit");
    RunResult r = run(task(true, "thumbnails.cache"));
    assertEquals("success", r.result(0).get("status").asText());
    assertTrue(Files.exists(a));
    assertTrue(Files.exists(b));
  }

  @Test
  void unknownIdsAreLeftOutWithAWarningOrFailWhenNothingIsKnown() throws Exception {
    Tools.require("bleachbit");
    RunResult r = run(task(true, "thumbnails.cache", "nosuch.cache", "thumbnails.nope"), task(true, "nosuch.cache"));
    JsonNode mixed = r.result(0);
    assertEquals("warning", mixed.get("status").asText(), mixed.toString());
    assertEquals("[\"nosuch.cache\",\"thumbnails.nope\"]", mixed.at("/summary/unknown_options").toString());
    assertEquals(2, mixed.at("/summary/files_deleted").asInt(), "the known option still ran");
    JsonNode none = r.result(1);
    assertEquals("failure", none.get("status").asText());
    assertEquals("TASK_FAIL:1:bleachbit_clean - Unknown BleachBit cleaner option(s): nosuch.cache",
        r.taskMarkers().get(3));
    assertTrue(Files.exists(a), "previews never delete");
  }

  @Test
  void fixturePlanRunsHere() throws Exception {
    Tools.require("bleachbit");
    RunResult r = RunnerProcess.jar(Fixtures.path("test_bleachbit_clean.json").toString())
        .dir(Fixtures.root().getParent()).run();
    r.assertProtocolClean();
    assertEquals("success", r.result(0).get("status").asText(), r.result(0).toString());
    assertEquals("failure", r.result(1).get("status").asText());
  }
}
