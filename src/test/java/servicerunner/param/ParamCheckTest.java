package servicerunner.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamCheckTest {

  @Test
  void aDriveIsALoneLetterWithOptionalColonAndBackslash() {
    assertEquals(Optional.of("C:"), ParamCheck.driveLetter("c"));
    assertEquals(Optional.of("D:"), ParamCheck.driveLetter(" d: "));
    assertEquals(Optional.of("E:"), ParamCheck.driveLetter("E:\\"));
    assertEquals(Optional.empty(), ParamCheck.driveLetter("C: /x"));
    assertEquals(Optional.empty(), ParamCheck.driveLetter("/f"));
    assertEquals(Optional.empty(), ParamCheck.driveLetter("\\\\server\\share"));
  }
}
