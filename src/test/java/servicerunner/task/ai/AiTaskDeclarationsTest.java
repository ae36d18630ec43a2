package servicerunner.task.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;

class AiTaskDeclarationsTest {

  @Test
  void invalidParametersAreNamed() {
    var v = ParamValidator.validate(AiStartupDisableTask.DECLARATION.params(),
        Json.object().put("apply_changes", "yes").put("request_timeout_seconds", 0).put("startup_folders", "C:\\x")
            .put("api_key", 5),
        n -> "tasks[0]." + n);
    String all = String.join("\n", v.errors());
    assertTrue(all.contains("tasks[0].model: required"), all);
    assertTrue(all.contains("tasks[0].apply_changes: expected true or false"), all);
    assertTrue(all.contains("tasks[0].request_timeout_seconds"), all);
    assertTrue(all.contains("tasks[0].startup_folders: expected an array of strings"), all);
    assertTrue(all.contains("tasks[0].api_key: expected a string"), all);
    assertEquals(5, v.errors().size(), all);

    var n = ParamValidator.validate(AiBrowserNotificationDisableTask.DECLARATION.params(),
        Json.object().put("model", "m").put("preview_mode", "no").put("browser_data_root", 1), s -> s);
    assertEquals(2, n.errors().size(), n.errors().toString());
  }

  @Test
  void previewIsTheDefault() {
    var v = ParamValidator.validate(AiBrowserNotificationDisableTask.DECLARATION.params(), Json.object().put("model", "m"),
        s -> s);
    assertEquals(false, v.params().bool("apply_changes"));
    assertEquals("https://api.openai.com/v1", v.params().string("base_url"));
    assertEquals(120, v.params().integer("request_timeout_seconds"));
  }
}
