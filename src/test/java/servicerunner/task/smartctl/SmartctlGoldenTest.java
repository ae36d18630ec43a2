package servicerunner.task.smartctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import servicerunner.json.Json;
import servicerunner.testing.Fixtures;

/** scan-*.json are {@code smartctl --scan -j} outputs; the others are {@code smartctl -a <dev> -j}. */
class SmartctlGoldenTest {

  static List<Path> cases() {
    return Fixtures.goldenCases("smartctl_report");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void parsesRecordedOutput(Path raw) throws Exception {
    String text = new String(Fixtures.bytes(raw), StandardCharsets.UTF_8);
    if (raw.getFileName().toString().startsWith("scan-")) {
      ScanParser.Scan scan = ScanParser.parse(text);
      ObjectNode o = Json.object();
      o.put("exit_status", scan.exitStatus());
      var arr = o.putArray("devices");
      scan.devices().forEach(d -> arr.addObject().put("name", d.name()).put("info_name", d.infoName())
          .put("type", d.type()).put("protocol", d.protocol()));
      Fixtures.assertGolden(raw, o);
    } else {
      Fixtures.assertGolden(raw, DriveParser.parse(text, "/dev/requested", false));
    }
  }
}
