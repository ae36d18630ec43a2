package servicerunner.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamChecksTest {

  @Test
  void aDriveIsALoneLetterWithOptionalColonAndBackslash() {
    assertEquals(Optional.of("C:"), ParamChecks.driveLetter("c"));
    assertEquals(Optional.of("D:"), ParamChecks.driveLetter(" d: "));
    assertEquals(Optional.of("E:"), ParamChecks.driveLetter("E:\\"));
    assertEquals(Optional.empty(), ParamChecks.driveLetter("C: /x"));
    assertEquals(Optional.empty(), ParamChecks.driveLetter("/f"));
    assertEquals(Optional.empty(), ParamChecks.driveLetter("\\\\server\\share"));
  }
}
