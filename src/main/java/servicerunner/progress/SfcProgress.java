package servicerunner.progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sfc redraws {@code Verification 45% complete.} with a bare CR, in UTF-16LE (tool-outputs.md 0.1, 0.2); translated
 * ({@code Überprüfung 100 % abgeschlossen.}), so the rule is the shape, not the words: a short line with one
 * whole percent. Its verdict sentences carry no percent sign. One phase: the scan's verification.
 */
public final class SfcProgress implements ProgressParser {
  public static final ProgressSource SOURCE = ProgressSource.of(p -> new SfcProgress(), "verification");
  private static final Pattern PERCENT = Pattern.compile("^\\D{1,40}?(\\d{1,3})\\s?%\\D{0,40}$");

  @Override
  public ProgressReading read(String line) {
    Matcher m = PERCENT.matcher(line.strip());
    return m.matches() ? ProgressReading.percent(Integer.parseInt(m.group(1)), "verification") : null;
  }
}
