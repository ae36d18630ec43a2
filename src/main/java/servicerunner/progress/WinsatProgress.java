package servicerunner.progress;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * winsat announces each assessment as {@code > Running: Storage Assessment '-drive c -seq -read'} (untranslated
 * switches); the phase is the switches without the drive ({@code seq read}), and the count of assessments so far is
 * the progress: {@code full} runs six (feature enumeration and five storage runs), a single mode two.
 */
public final class WinsatProgress implements ProgressParser {
  public static final ProgressSource SOURCE = ProgressSource.of(
      p -> new WinsatProgress("full".equals(p.string("test_mode")) ? 6 : 2));
  private static final Pattern RUNNING = Pattern.compile("^>\\s*Running:\\s*([^']*?)\\s*(?:'([^']*)')?\\s*$");

  private final int expected;
  private long started;

  WinsatProgress(int expected) {
    this.expected = expected;
  }

  @Override
  public ProgressReading read(String line) {
    Matcher m = RUNNING.matcher(line.strip());
    if (!m.matches()) {
      return null;
    }
    started++;
    String args = m.group(2) == null ? "" : m.group(2).replaceAll("-drive\\s+\\S+", "").replace("-", " ")
        .replaceAll("\\s+", " ").strip();
    String phase = (args.isEmpty() ? m.group(1) : args).toLowerCase(Locale.ROOT);
    // an assessment that starts is not done: the one running counts half
    double percent = Math.min(99, (started - 0.5) * 100 / expected);
    return new ProgressReading(percent, phase, started, (long) expected, "assessments", null);
  }
}
