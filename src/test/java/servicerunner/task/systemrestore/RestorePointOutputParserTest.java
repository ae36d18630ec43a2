package servicerunner.task.systemrestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.testing.Fixtures;
import servicerunner.testing.RendererFields;
import servicerunner.testing.ToolOutputCase;

class RestorePointOutputParserTest {
  static final String DESCRIPTION = "Before maintenance";

  static TaskOutcome parse(ToolOutputCase c) {
    RestorePointOutputParser.Parsed p = RestorePointOutputParser.classify(c.bytes(), new byte[0], c.charset(), c.exitCode());
    return RestorePointOutputParser.summarise(p, c.exitCode(), DESCRIPTION, null);
  }

  static TaskOutcome parse(String file) {
    return parse(ToolOutputCase.of(Fixtures.path("tool-output", "system_restore", file)));
  }

  @Test
  void verdicts() {
    TaskOutcome created = parse("created.rc0.cp437");
    assertEquals(Status.SUCCESS, created.status());
    assertTrue(created.summary().path("results").path("restore_point_created").asBoolean());
    TaskOutcome throttled = parse("throttled.rc0.cp437");
    assertEquals(Status.SKIPPED, throttled.status());
    assertTrue(throttled.summary().path("reason").asText().contains("24 hours"));
    assertFalse(throttled.summary().path("results").path("restore_point_created").asBoolean());
    TaskOutcome denied = parse("access-denied.rc1.cp437");
    assertEquals(Status.ERROR, denied.status());
    assertTrue(denied.summary().path("error").asText().contains("access denied"));
    assertEquals(RestorePointOutputParser.Result.PROTECTION_DISABLED, RestorePointOutputParser.classify(
        Fixtures.bytes(Fixtures.path("tool-output", "system_restore", "protection-disabled.rc1.cp437")), null,
        StandardCharsets.UTF_8, 1).result());
  }

  @Test
  void clixmlErrorStreamIsFlattened() {
    String clixml = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
        + "<S S=\"Error\">Checkpoint-Computer : Access is denied_x000D__x000A_</S></Objs>";
    RestorePointOutputParser.Parsed p = RestorePointOutputParser.classify(new byte[0],
        clixml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1);
    assertEquals(RestorePointOutputParser.Result.ACCESS_DENIED, p.result());
    assertEquals("Checkpoint-Computer : Access is denied", p.output());
  }

  @Test
  void rendererFields() {
    ObjectNode s = parse("created.rc0.cp437").summary();
    RendererFields.assertField(s, "human_readable.message", JsonNodeType.STRING);
    RendererFields.assertField(s, "results.restore_point_created", JsonNodeType.BOOLEAN);
    RendererFields.assertField(s, "results.description", JsonNodeType.STRING);
    RendererFields.assertField(s, "results.output", JsonNodeType.STRING);
    RendererFields.assertField(s, "results.remediation", JsonNodeType.STRING, JsonNodeType.NULL);
    RendererFields.assertField(s, "results.remediation_attempt", JsonNodeType.OBJECT, JsonNodeType.NULL);
    RendererFields.assertField(s, "results.return_code", JsonNodeType.NUMBER);
  }
}
