package servicerunner.plan;

import java.util.List;
import java.util.Map;

/**
 * A task's scheduling keys as the plan gave them (used only by {@code "parallel_execution": true} runs).
 *
 * @param needs ids of tasks that must have ended (whatever their status) before this one starts; empty for none
 * @param resources pool name to amount, replacing the type's default claims; null keeps the defaults
 * @param exclusive true/false replaces the type's default; null keeps it
 */
public record Scheduling(List<String> needs, Map<String, Double> resources, Boolean exclusive) {
  public static final Scheduling NONE = new Scheduling(List.of(), null, null);

  public Scheduling {
    needs = List.copyOf(needs);
    resources = resources == null ? null : Map.copyOf(resources);
  }
}
