package servicerunner.figures;

/**
 * A byte count in its decimal (SI) unit, 1 kB = 1000 B, as BleachBit, drive makers and smartctl print sizes: the
 * value is divided by 1000 while it is at least 1000 and a larger unit is left. Each caller rounds it its own way.
 */
public record SiSize(double value, int exponent) {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  /** {@code bytes} scaled to at most the unit of {@code largestExponent} (5: PB, 6: EB). */
  public static SiSize of(double bytes, int largestExponent) {
    double v = bytes;
    int e = 0;
    while (v >= 1000 && e < largestExponent) {
      v /= 1000;
      e++;
    }
    return new SiSize(v, e);
  }

  public String unit() {
    return UNITS[exponent];
  }
}
