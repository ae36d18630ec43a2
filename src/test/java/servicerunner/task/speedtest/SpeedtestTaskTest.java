package servicerunner.task.speedtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.param.Params;
import servicerunner.testing.Declared;

class SpeedtestTaskTest {

  static Params params(String json) {
    return Declared.params(SpeedtestTask.DECLARATION.params(), json);
  }

  @Test
  void speedtestCliArgv() throws Exception {
    Params p = params("{\"threads\":1,\"share\":false,\"secure\":true,\"skip_upload\":true,\"servers\":[5029,\"6000\"],"
        + "\"server\":7000}");
    assertEquals(List.of("speedtest-cli", "--json", "--secure", "--no-upload", "--single", "--server", "5029",
        "--server", "6000", "--server", "7000"), SpeedtestTask.argv(p, false, "speedtest-cli"));
  }

  @Test
  void ooklaArgvAndDetection() throws Exception {
    assertTrue(SpeedtestTask.isOokla("auto", "C:\\tools\\Speedtest.exe".replace('\\', '/')));
    assertTrue(SpeedtestTask.isOokla("ookla", "anything"));
    assertFalse(SpeedtestTask.isOokla("auto", "speedtest-cli"));
    assertFalse(SpeedtestTask.isOokla("speedtest-cli", "speedtest"));
    assertEquals(List.of("speedtest", "--format=json", "--accept-license", "--accept-gdpr", "--progress=no",
        "--server-id=16620"), SpeedtestTask.argv(params("{\"server\":16620}"), true, "speedtest"));
  }
}
