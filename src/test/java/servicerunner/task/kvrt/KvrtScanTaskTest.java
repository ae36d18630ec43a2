package servicerunner.task.kvrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.param.ParamValidator;
import servicerunner.task.wintools.WinToolsTesting;

class KvrtScanTaskTest {
  private final KvrtScanTask type = new KvrtScanTask();

  @Test
  void paramErrorsNameTheField() {
    assertEquals(List.of("tasks[0].executable_path: required, expected a string"), WinToolsTesting.errors(type, "{}"));
    List<String> e = WinToolsTesting.errors(type,
        "{\"executable_path\":\"k\",\"processlevel\":4,\"tracelevel\":\"ALL\",\"silent\":\"yes\"}");
    assertEquals(3, e.size(), e.toString());
    assertTrue(e.contains("tasks[0].processlevel: expected at most 3, got 4"), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("tasks[0].tracelevel: expected one of ERR")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("tasks[0].silent: expected true or false")), e.toString());
  }

  @Test
  void argvFollowsTheReferenceOrder() throws Exception {
    ObjectNode given = (ObjectNode) Json.parse(
        "{\"executable_path\":\"k\",\"d\":\"C:\\\\Q\",\"dontencrypt\":true,\"processlevel\":2,\"additional_args\":[\"-x\"]}");
    var params = ParamValidator.validate(type.params(), given, n -> n).params();
    assertEquals(List.of("-accepteula", "-silent", "-details", "-dontencrypt", "-noads", "-fixednames", "-d", "C:\\Q",
        "-processlevel", "2", "-x"), new KvrtScanTask().arguments(params));
  }
}
