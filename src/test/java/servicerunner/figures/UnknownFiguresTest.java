package servicerunner.figures;

import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import servicerunner.json.Json;
import servicerunner.report.ResultJson;
import servicerunner.run.Ending;
import servicerunner.run.TaskResult;

class UnknownFiguresTest {

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) Json.parse(json);
  }

  @Test
  void nullsLeaveHumanReadableAtEveryObjectDepthButArraysKeepTheirPositions() throws Exception {
    ObjectNode s = parse("{\"error\":null,\"human_readable\":{\"download_mbps\":null,\"verdict\":\"failed\","
        + "\"throughput\":{\"mean\":null,\"unit\":\"Mbps\"},\"notes\":[null,\"x\"]}}");
    UnknownFigures.dropFromHumanReadable(s);
    assertEquals("{\"error\":null,\"human_readable\":{\"verdict\":\"failed\",\"throughput\":{\"unit\":\"Mbps\"},"
        + "\"notes\":[null,\"x\"]}}", s.toString());
  }

  @Test
  void aStringHumanReadableIsLeftAlone() throws Exception {
    ObjectNode s = parse("{\"human_readable\":\"Battery health Good.\",\"percent\":null}");
    assertEquals(s.toString(), UnknownFigures.dropFromHumanReadable(s.deepCopy()).toString());
  }

  @Test
  void omitNullsRemovesOnlyNullMembers() throws Exception {
    ObjectNode s = parse("{\"total_disk_kb\":null,\"available_kb\":5,\"filesystem_type\":null}");
    UnknownFigures.omitNulls(s, "total_disk_kb", "available_kb");
    assertEquals("{\"available_kb\":5,\"filesystem_type\":null}", s.toString());
    UnknownFigures.omitNulls(s);
    assertEquals("{\"available_kb\":5}", s.toString());
  }

  /** The report and PROGRESS_JSON both come from ResultJson, so no handler can send a null figure there. */
  @Test
  void everyResultGoesThroughIt() throws Exception {
    ObjectNode summary = parse("{\"human_readable\":{\"upload_mbps\":null,\"score\":0}}");
    summary.with("human_readable").put("ping_ms", Double.NaN);
    ObjectNode r = ResultJson.of(new TaskResult(0, "speedtest",
        new Ending.Ran(new TaskOutcome(Status.FAILURE, "failed", null, summary, null)), Instant.EPOCH, Instant.EPOCH, 1.0));
    assertEquals("{\"score\":0}", r.at("/summary/human_readable").toString());
  }
}
