package servicerunner.protocol;

import java.util.function.Consumer;

/**
 * Sends each line to the required sink (stderr) and to an optional mirror (the --log-file). The mirror holds the
 * same lines; if it fails it is turned off once, with a note on the required sink, and the run goes on.
 */
public final class TeeLineSink implements LineSink {
  private final LineSink required;
  private volatile LineSink mirror;
  private final Consumer<RuntimeException> onMirrorFailure;

  public TeeLineSink(LineSink required, LineSink mirror, Consumer<RuntimeException> onMirrorFailure) {
    this.required = required;
    this.mirror = mirror;
    this.onMirrorFailure = onMirrorFailure;
  }

  @Override
  public synchronized void writeLine(String line) {
    required.writeLine(line);
    mirror(m -> m.writeLine(line));
  }

  @Override
  public synchronized void writeLines(String... lines) {
    required.writeLines(lines);
    mirror(m -> m.writeLines(lines));
  }

  private void mirror(Consumer<LineSink> write) {
    LineSink m = mirror;
    if (m != null) {
      try {
        write.accept(m);
      } catch (RuntimeException e) {
        mirror = null;
        onMirrorFailure.accept(e);
      }
    }
  }
}
