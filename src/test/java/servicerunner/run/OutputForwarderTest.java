package servicerunner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import servicerunner.exec.OutputListener;
import servicerunner.protocol.Ascii;

/** The live-output budget counts what stderr carries (audit D13: NULs forwarded 3.1 MB against 512 KiB). */
class OutputForwarderTest {

  @Test
  void writtenLengthIsTheEscapedLength() {
    Random rnd = new Random(7);
    for (int n = 0; n < 2000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = rnd.nextInt(40); i > 0; i--) {
        b.append((char) (rnd.nextBoolean() ? rnd.nextInt(0x80) : rnd.nextInt(0x3000)));
      }
      String s = b.toString();
      assertEquals(Ascii.escape(s).length(), OutputForwarder.writtenLength(s), s);
    }
  }

  @Test
  void aNulFloodStaysWithinTheByteBudget() {
    List<String> written = new ArrayList<>();
    RunObserver o = new RunObserver() {
      @Override
      public void taskOutput(int index, String type, String line) {
        written.add("[" + index + ":" + type + "] " + Ascii.escape(line));
      }
    };
    ForwardLimits limits = new ForwardLimits(1_000_000, 512 * 1024, 1e9, 1e9);
    OutputForwarder f = new OutputForwarder(o, 0, "command", limits);
    String nuls = "\u0000".repeat(8192);
    for (int i = 0; i < 1221; i++) { // 10 MB of NULs, as the audit's head -c 10000000 /dev/zero
      f.onLine(OutputListener.Stream.STDOUT, nuls);
    }
    long bytes = written.stream().mapToLong(l -> l.length() + 1).sum();
    assertTrue(bytes <= 512 * 1024, bytes + " bytes forwarded");
    assertTrue(bytes > 512 * 1024 - 50_000, "the budget is used, not just a line: " + bytes);
  }
}
