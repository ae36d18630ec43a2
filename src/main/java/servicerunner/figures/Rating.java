package servicerunner.figures;

/**
 * The rating of a 0-100 score that ping, iperf3, the speed test and WinSAT share (protocol 7.2): the word the
 * verdict uses and the stars the app draws.
 */
public final class Rating {
  private Rating() {}

  public static String of(double score) {
    return score >= 85 ? "excellent" : score >= 70 ? "good" : score >= 50 ? "fair" : "poor";
  }

  public static int stars(double score) {
    return score >= 85 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : score >= 30 ? 2 : 1;
  }
}
