package servicerunner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines written together reach the stream in one write, whole and in order, on both sides of the tee. */
class LineSinkTest {
  /** Records each write call the sink makes, as text. */
  private static final class Writes extends OutputStream {
    final List<String> calls = new ArrayList<>();

    @Override
    public void write(int b) {
      calls.add(String.valueOf((char) b));
    }

    @Override
    public void write(byte[] b, int off, int len) {
      calls.add(new String(b, off, len, StandardCharsets.UTF_8));
    }
  }

  @Test
  void linesWrittenTogetherAreOneWriteAndALineAloneIsOne() {
    Writes out = new Writes();
    StreamLineSink sink = new StreamLineSink(out);
    sink.writeLines("TASK_START:0:command", "Starting task 1/1: command");
    sink.writeLine("[0:command] é");
    assertEquals(List.of("TASK_START:0:command\nStarting task 1/1: command\n", "[0:command] é\n"), out.calls);
  }

  @Test
  void theTeeWritesThemTogetherOnBothSides() {
    Writes err = new Writes();
    Writes log = new Writes();
    new TeeLineSink(new StreamLineSink(err), new StreamLineSink(log), e -> {}).writeLines("a", "b");
    assertEquals(List.of("a\nb\n"), err.calls);
    assertEquals(List.of("a\nb\n"), log.calls);
  }

  @Test
  void aSinkWithoutItsOwnWayWritesThemOneByOne() {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    LineSink plain = line -> seen.writeBytes((line + "|").getBytes(StandardCharsets.UTF_8));
    plain.writeLines("a", "b");
    assertEquals("a|b|", seen.toString(StandardCharsets.UTF_8));
  }
}
