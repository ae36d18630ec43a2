package servicerunner.task.battery;

/**
 * One battery's readings in common units; any field may be null when the source does not report it (the summary
 * then leaves it out). Energies are Wh, voltage V, temperature degrees C, times seconds, {@code percent} the charge
 * level.
 */
public record BatteryData(
    String source,
    String name,
    String vendor,
    String model,
    String serialNumber,
    String technology,
    Double percent,
    String state,
    Double temperatureC,
    Integer cycleCount,
    Double energyWh,
    Double energyFullWh,
    Double energyFullDesignWh,
    Double voltageV,
    Long timeToEmptySeconds,
    Long timeToFullSeconds) {

  /**
   * This battery's capacities and identity (powercfg's report) with the live state from another reading of the same
   * battery (CIM): the live figures win, each field falls back to the other source when one lacks it.
   */
  public BatteryData withLive(BatteryData live) {
    return new BatteryData(source + "+" + live.source, name, or(vendor, live.vendor), or(model, live.model),
        or(serialNumber, live.serialNumber), or(technology, live.technology), or(live.percent, percent),
        or(live.state, state), or(live.temperatureC, temperatureC), or(cycleCount, live.cycleCount),
        or(live.energyWh, energyWh), or(energyFullWh, live.energyFullWh),
        or(energyFullDesignWh, live.energyFullDesignWh), or(live.voltageV, voltageV),
        or(live.timeToEmptySeconds, timeToEmptySeconds), or(live.timeToFullSeconds, timeToFullSeconds));
  }

  private static <T> T or(T first, T second) {
    return first != null ? first : second;
  }
}
