package servicerunner.task.sfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;

class SfcScanTaskTest {
  private final SfcScanTask task = new SfcScanTask();

  private ParamValidator.Validation validate(String json) {
    try {
      return ParamValidator.validate(task.params(), (ObjectNode) Json.parse(json), n -> "tasks[0]." + n);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void argvIsScannowOrVerifyonly() {
    assertEquals(List.of("sfc", "/scannow"), new SfcScanTask().argv(validate("{}").params()));
    assertEquals(List.of("C:/x/sfc.exe", "/verifyonly"),
        new SfcScanTask().argv(validate("{\"verify_only\":true,\"executable_path\":\"C:/x/sfc.exe\"}").params()));
  }

  @Test
  void badParamsNameTheField() {
    List<String> errors = validate("{\"verify_only\":\"yes\"}").errors();
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("tasks[0].verify_only: expected true or false"), errors.toString());
  }
}
