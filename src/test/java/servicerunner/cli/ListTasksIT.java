package servicerunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import servicerunner.task.ParamSpec;
import servicerunner.task.TaskCatalog;
import servicerunner.task.TaskType;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * {@code --list-tasks} through the jar: every registered type appears with its declared parameters. The expected
 * set comes from the catalogue itself, so adding a type needs no change here.
 */
class ListTasksIT {

  private static Map<String, JsonNode> listing() throws Exception {
    RunResult r = RunnerProcess.jar("--list-tasks").run();
    assertEquals(0, r.exitCode(), String.join("\n", r.stderrLines()));
    JsonNode all = r.report();
    assertTrue(all.isArray(), "--list-tasks prints one JSON array");
    Map<String, JsonNode> byType = new LinkedHashMap<>();
    for (JsonNode t : all) {
      assertTrue(t.path("type").isTextual(), "entry without type: " + t);
      assertNull(byType.put(t.get("type").asText(), t), "listed twice: " + t.get("type"));
    }
    return byType;
  }

  @Test
  void everyRegisteredTypeIsListedWithItsParams() throws Exception {
    Map<String, JsonNode> listed = listing();
    assertEquals(TaskCatalog.ids(), new ArrayList<>(listed.keySet()), "listed types = registered types, in order");
    for (String id : TaskCatalog.ids()) {
      JsonNode entry = listed.get(id);
      TaskType type = TaskCatalog.find(id);
      assertFalse(entry.path("description").asText().isBlank(), id + ": description");
      assertTrue(entry.path("params").isArray(), id + ": params");
      List<String> names = new ArrayList<>();
      for (JsonNode p : entry.get("params")) {
        assertTrue(p.path("name").isTextual(), id + ": param name in " + p);
        assertTrue(p.path("type").isTextual(), id + ": param type in " + p);
        assertTrue(p.path("required").isBoolean(), id + ": param required in " + p);
        names.add(p.get("name").asText());
      }
      List<String> declared = new ArrayList<>();
      for (ParamSpec s : type.params()) {
        declared.add(s.name());
      }
      assertEquals(declared, names, id + ": params as declared");
    }
  }

  @Test
  void thisBranchsTypesAndCommandAreListed() throws Exception {
    Map<String, JsonNode> listed = listing();
    for (String id : List.of("command", "bleachbit_clean", "smartctl_report", "furmark_stress_test",
        "heavyload_stress_test")) {
      assertTrue(listed.containsKey(id), id + " missing from --list-tasks");
    }
    JsonNode options = null;
    for (JsonNode p : listed.get("bleachbit_clean").get("params")) {
      if (p.get("name").asText().equals("options")) {
        options = p;
      }
    }
    assertNotNull(options);
    assertEquals("string_list", options.get("type").asText());
    assertTrue(options.get("required").asBoolean());
    assertEquals(1800, listed.get("bleachbit_clean").get("default_timeout_seconds").asInt());
  }
}
