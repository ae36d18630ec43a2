package servicerunner.progress;

import java.time.Duration;
import java.util.function.Function;
import servicerunner.param.Params;

/**
 * Progress of a tool that runs for a length the plan gives (stress tests, iperf) and says nothing meanwhile: the
 * share of that length its process has run, read on a timer ({@link TaskProgress} calls {@link #tick}), never 100
 * before the tool's own exit (a tool may overrun; the end marker says it finished).
 */
public final class DurationProgress implements ProgressParser {
  private final double seconds;

  DurationProgress(Duration length) {
    this.seconds = length.toNanos() / 1e9;
  }

  /** A source for types whose run length is {@code length} of the parameters (null: unknown, no progress). */
  public static ProgressSource of(Function<Params, Duration> length) {
    return ProgressSource.of(p -> {
      Duration d = length.apply(p);
      return d == null || d.isZero() || d.isNegative() ? null : new DurationProgress(d);
    });
  }

  @Override
  public ProgressReading read(String line) {
    return null;
  }

  @Override
  public Duration tickEvery() {
    return Duration.ofNanos((long) Math.max(0.5e9, seconds * 1e9 / 100)); // about one per point, two a second at most
  }

  @Override
  public ProgressReading tick(double processSeconds) {
    long done = Math.min((long) Math.floor(processSeconds), (long) Math.ceil(seconds));
    return new ProgressReading(Math.min(99, 100 * processSeconds / seconds), null, done, (long) Math.ceil(seconds),
        "seconds", Math.max(0, Math.round(seconds - processSeconds)));
  }
}
