package servicerunner.run;

/** Budget for live output forwarding per task. */
public record ForwardLimits(long maxLines, long maxBytes, double linesPerSecond, double burst) {
  public static final ForwardLimits DEFAULT = new ForwardLimits(5_000, 512 * 1024, 200, 400);
}
