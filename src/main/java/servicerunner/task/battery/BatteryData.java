package servicerunner.task.battery;

/**
 * One battery's readings in common units; any field may be null when the source does not report it. Energies are
 * Wh, voltage V, temperature degrees C, times seconds, {@code percent} the charge level.
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
    Long timeToFullSeconds) {}
