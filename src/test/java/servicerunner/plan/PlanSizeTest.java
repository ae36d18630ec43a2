package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D7: the plan is read with a size limit from every source, a device included, and never crashes. */
class PlanSizeTest {
  @TempDir Path tmp;

  private static String problem(PlanException e) {
    assertEquals(1, e.problems().size());
    return e.problems().get(0);
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    Path f = tmp.resolve("plan.json");
    Files.writeString(f, "{\"tasks\":[]}" + " ".repeat(100));
    String p = problem(assertThrows(PlanException.class, () -> PlanParser.read(f.toString(), InputStream.nullInputStream(), 50)));
    assertEquals(f + ": the plan is 112 bytes, larger than the limit of 50 bytes (raise it with --max-plan-bytes)", p);
    assertEquals(0, PlanParser.read(f.toString(), InputStream.nullInputStream(), 112).tasks().size());
  }

  @Test
  void aDeviceIsReadOnlyUpToTheLimit() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    String p = problem(assertThrows(PlanException.class, () -> PlanParser.read("/dev/zero", InputStream.nullInputStream(), 1 << 20)));
    assertEquals("/dev/zero: the plan is more than 1,048,576 bytes, larger than the limit of 1,048,576 bytes"
        + " (raise it with --max-plan-bytes)", p);
  }

  @Test
  void stdinAndInlineHaveTheSameLimit() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return ' ';
      }
    };
    assertTrue(problem(assertThrows(PlanException.class, () -> PlanParser.read("-", endless, 4096)))
        .startsWith("stdin: the plan is more than 4,096 bytes"));
    assertTrue(problem(assertThrows(PlanException.class, () -> PlanParser.read("[" + " ".repeat(99) + "]",
        new ByteArrayInputStream(new byte[0]), 100))).startsWith("inline plan: the plan is 101 bytes"));
  }

  @Test
  void aDirectoryIsNamedAsSuch() {
    assertEquals(tmp + ": is a directory, not a plan file",
        problem(assertThrows(PlanException.class, () -> PlanParser.read(tmp.toString(), InputStream.nullInputStream()))));
  }

  @Test
  void theDefaultIsDocumented() {
    assertEquals(32L * 1024 * 1024, PlanParser.DEFAULT_MAX_BYTES);
  }

  @Test
  void bytesThatJacksonWouldReadAsAnotherEncodingAreStillRefused() throws Exception {
    // parsing from bytes: Jackson would guess UTF-16 from zero bytes and skip a second byte-order mark by itself
    byte[] utf16 = "{\"tasks\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    assertTrue(problem(assertThrows(PlanException.class, () -> PlanParser.parse(utf16, "p.json")))
        .contains("invalid JSON"));
    byte[] twoBoms = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'};
    assertTrue(problem(assertThrows(PlanException.class, () -> PlanParser.parse(twoBoms, "p.json")))
        .contains("invalid JSON"));
    byte[] oneBom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'};
    assertEquals(0, PlanParser.parse(oneBom, "p.json").tasks().size());
  }
}
