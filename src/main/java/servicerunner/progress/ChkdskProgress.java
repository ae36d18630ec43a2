package servicerunner.progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chkdsk (Windows 8+) redraws {@code Progress: 448640 of 897280 done; Stage: 50%; Total: 16%; ETA: 0:00:30} with a
 * bare CR under {@code Stage N: ...} headings; its own Total is the overall percent and its ETA is used as is.
 * Older ones print {@code CHKDSK is verifying files (stage 1 of 3)...} then {@code 45 percent complete.}, weighted
 * here into one overall percent. Translated (OEM code page), so the new form is read by its punctuation, not its
 * words.
 */
public final class ChkdskProgress implements ProgressParser {
  public static final ProgressSource SOURCE = ProgressSource.of(p -> new ChkdskProgress(),
      "stage 1", "stage 2", "stage 3", "stage 4", "stage 5");
  /** "Stage 2: Examining file name linkage ...", "Phase 2: ...": a word, one digit, a colon. */
  private static final Pattern STAGE = Pattern.compile("^\\s*\\p{L}+ (\\d):\\s");
  private static final Pattern PROGRESS = Pattern.compile(
      "^\\s*[^:;]+:\\s*(\\d{1,18})\\D+?(\\d{1,18})[^;]*;[^:;]*:\\s*(\\d{1,3})\\s?%;[^:;]*:\\s*(\\d{1,3})\\s?%"
          + "(?:;[^:;]*:\\s*(\\d{1,6}):(\\d\\d):(\\d\\d))?");
  private static final Pattern OLD_STAGE = Pattern.compile("\\(stage (\\d) of (\\d)\\)");
  private static final Pattern OLD_PERCENT = Pattern.compile("^\\s*(\\d{1,3}) percent complete");

  private String phase;
  private int oldStage;
  private int oldStages;

  @Override
  public ProgressReading read(String line) {
    Matcher m = PROGRESS.matcher(line);
    if (m.find()) {
      ProgressReading r = new ProgressReading(ProgressReading.clamp(Integer.parseInt(m.group(4))), phase,
          Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), null, null);
      return m.group(5) == null ? r : r.withEta(Long.parseLong(m.group(5)) * 3600
          + Long.parseLong(m.group(6)) * 60 + Long.parseLong(m.group(7)));
    }
    Matcher s = STAGE.matcher(line);
    if (s.find()) {
      phase = "stage " + s.group(1);
      return null;
    }
    Matcher o = OLD_STAGE.matcher(line);
    if (o.find()) {
      oldStage = Integer.parseInt(o.group(1));
      oldStages = Integer.parseInt(o.group(2));
      phase = "stage " + oldStage + " of " + oldStages;
      return null;
    }
    Matcher p = OLD_PERCENT.matcher(line);
    if (p.find() && oldStages > 0) {
      double overall = ((oldStage - 1) + Integer.parseInt(p.group(1)) / 100.0) * 100 / oldStages;
      return ProgressReading.percent(overall, phase);
    }
    return null;
  }
}
