package servicerunner.progress;

/**
 * What one output line says about a task's progress, as a parser reads it; any part may be unknown (null).
 *
 * @param percent overall for the task, 0 to 100 (a multi-phase parser has already weighted its phases in)
 * @param phase a stable phase id ("verification", "scanhealth", "stage 2 of 3"), not the tool's translated text
 * @param current how many {@code unit}s are done, with {@code total} the count the tool expects
 * @param etaSeconds the tool's own estimate of what is left; null lets the tracker estimate it from the rate
 */
public record ProgressReading(
    Double percent, String phase, Long current, Long total, String unit, Long etaSeconds) {

  public static ProgressReading percent(double percent, String phase) {
    return new ProgressReading(clamp(percent), phase, null, null, null, null);
  }

  /** {@code current} of {@code total} {@code unit}s, the percent derived from them. */
  public static ProgressReading count(long current, long total, String unit, String phase) {
    Double p = total > 0 ? clamp(100.0 * current / total) : null;
    return new ProgressReading(p, phase, current, total, unit, null);
  }

  public ProgressReading withEta(Long seconds) {
    return new ProgressReading(percent, phase, current, total, unit, seconds);
  }

  /** The tool says it is done: the one reading the rate limit never holds back. */
  public boolean complete() {
    return percent != null && percent >= 100;
  }

  static double clamp(double p) {
    return Math.max(0, Math.min(100, p));
  }
}
