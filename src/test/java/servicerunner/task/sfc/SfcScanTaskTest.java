package servicerunner.task.sfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.ParamSpec;
import servicerunner.testing.Declared;

class SfcScanTaskTest {
  private static final List<ParamSpec> PARAMS = new SfcScanTask().params();

  @Test
  void argvIsScannowOrVerifyonly() {
    assertEquals(List.of("sfc", "/scannow"), new SfcScanTask().argv(Declared.validate(PARAMS, "{}").params()));
    assertEquals(List.of("C:/x/sfc.exe", "/verifyonly"),
        new SfcScanTask().argv(Declared.validate(PARAMS, "{\"verify_only\":true,\"executable_path\":\"C:/x/sfc.exe\"}").params()));
  }

  @Test
  void badParamsNameTheField() {
    List<String> errors = Declared.validate(PARAMS, "{\"verify_only\":\"yes\"}").errors();
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("tasks[0].verify_only: expected true or false"), errors.toString());
  }
}
