package servicerunner.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import servicerunner.json.Json;

/**
 * Summary statistics of a series of measurements (ping round trips, iperf interval throughput). Percentiles
 * interpolate linearly between the two nearest ranks (numpy's default, which the reference used); stdev is the
 * population standard deviation, so a single sample has stdev 0 rather than none.
 */
public record SampleStats(int samples, double mean, double median, double min, double max, double p10, double p90,
    double stdev) {

  /** Null when there are no samples. */
  public static SampleStats of(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double mean = sum / sorted.size();
    double sq = 0;
    for (double v : sorted) {
      sq += (v - mean) * (v - mean);
    }
    double stdev = Math.sqrt(sq / sorted.size());
    return new SampleStats(sorted.size(), mean, percentile(sorted, 50), sorted.get(0), sorted.get(sorted.size() - 1),
        percentile(sorted, 10), percentile(sorted, 90), stdev);
  }

  /** Coefficient of variation (stdev / mean), 0 when the mean is 0. */
  public double cov() {
    return mean == 0 ? 0 : stdev / mean;
  }

  private static final Map<String, ToDoubleFunction<SampleStats>> FIGURES = Map.of("mean", SampleStats::mean,
      "median", SampleStats::median, "min", SampleStats::min, "max", SampleStats::max, "p10", SampleStats::p10,
      "p90", SampleStats::p90, "stdev", SampleStats::stdev);

  /**
   * Writes the named figures (mean, median, min, max, p10, p90, stdev) in the given order, each divided by
   * {@code divisor} and rounded to {@code places}, as its name plus {@code suffix}; nulls when {@code stats} is null.
   */
  public static void put(ObjectNode o, SampleStats stats, double divisor, int places, String suffix, String... names) {
    for (String n : names) {
      o.put(n + suffix, stats == null ? null : Json.rounded(FIGURES.get(n).applyAsDouble(stats) / divisor, places));
    }
  }

  static double percentile(List<Double> sorted, double pct) {
    double rank = pct / 100.0 * (sorted.size() - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
  }
}
