package servicerunner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's "-o under a regular file": the line said only the path, no reason. */
class IoErrorsTest {
  @TempDir Path tmp;

  @Test
  void aFileInThePathIsNamedWithTheReason() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file.resolve("r.json"), new byte[] {1}));
    assertEquals(file + ": exists and is not a folder", IoErrors.describe(e));
  }
}
