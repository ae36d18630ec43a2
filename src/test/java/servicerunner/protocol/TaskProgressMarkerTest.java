package servicerunner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import servicerunner.progress.ProgressEvent;
import servicerunner.testing.Protocol;

/** The TASK_PROGRESS line: one ASCII line the documented regex splits into index, type and JSON. */
class TaskProgressMarkerTest {

  @Test
  void aTypeWithColonsHyphensAndNonAsciiStillSplitsAtTheDocumentedColons() {
    List<String> lines = new ArrayList<>();
    MarkerObserver m = new MarkerObserver(lines::add);
    m.taskProgress(3, "my:tool-\u00e9", new ProgressEvent(false, 45.0, "\u00dcberpr\u00fcfung", null, null, null, null,
        1.25, null, null));
    String line = lines.get(0);
    assertEquals("TASK_PROGRESS:3:my\\u003atool\\u002d\\u00e9:{\"kind\":\"progress\",\"percent\":45.0,"
        + "\"phase\":\"\\u00DCberpr\\u00FCfung\",\"elapsed_seconds\":1.3}", line);
    var g = Protocol.TASK_PROGRESS.matcher(line);
    assertTrue(g.matches(), line);
    assertEquals("3", g.group(1));
    Protocol.assertClean(List.of("TASK_START:3:x", line, "TASK_OK:3:x"));
  }

  @Test
  void theTestsProtocolCheckRefusesProgressOutsideItsTask() {
    String p = "TASK_PROGRESS:0:x:{\"kind\":\"heartbeat\",\"elapsed_seconds\":15.0}";
    org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
        () -> Protocol.assertClean(List.of("TASK_START:0:x", "TASK_OK:0:x", p)));
    org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
        () -> Protocol.assertClean(List.of(p)));
  }
}
