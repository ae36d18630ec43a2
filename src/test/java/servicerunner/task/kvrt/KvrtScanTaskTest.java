package servicerunner.task.kvrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.task.wintools.WinToolsTesting;
import servicerunner.testing.Declared;

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
    var params = Declared.params(type.params(),
        "{\"executable_path\":\"k\",\"d\":\"C:\\\\Q\",\"dontencrypt\":true,\"processlevel\":2,\"additional_args\":[\"-x\"]}");
    assertEquals(List.of("-accepteula", "-silent", "-details", "-dontencrypt", "-noads", "-fixednames", "-d", "C:\\Q",
        "-processlevel", "2", "-x"), new KvrtScanTask().arguments(params));
  }
}
