package servicerunner.plan;

import java.util.Map;

/**
 * The plan's top-level scheduling keys.
 *
 * @param maxParallel {@code max_parallel}, or null for the default (the number of processors, at least 2)
 * @param capacities {@code resources}: pool name to capacity; a pool not named has capacity 1
 */
public record PlanScheduling(Integer maxParallel, Map<String, Double> capacities) {
  public static final PlanScheduling NONE = new PlanScheduling(null, Map.of());

  public PlanScheduling {
    capacities = Map.copyOf(capacities);
  }
}
