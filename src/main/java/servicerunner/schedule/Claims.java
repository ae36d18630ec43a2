package servicerunner.schedule;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a task holds while it runs: an amount of each named pool ({@code "disk:C:" → 1}), and whether it runs with
 * nothing else. Pools are counting semaphores with a capacity (1 unless the plan sets one), as Ninja's pools and
 * Bazel's {@code resources:<name>:<amount>} tags; {@code exclusive} is Bazel's {@code exclusive} tag, but kept in
 * plan order instead of moved to the end (the app's rows follow plan order).
 *
 * @param amounts pool name to amount (each greater than 0), sorted by name so listings and messages are stable
 */
public record Claims(Map<String, Double> amounts, boolean exclusive) {
  public static final Claims NONE = new Claims(Map.of(), false);

  public Claims {
    amounts = java.util.Collections.unmodifiableMap(new TreeMap<>(amounts));
  }

  public static Claims of(String... names) {
    Map<String, Double> m = new TreeMap<>();
    for (String n : names) {
      m.put(n, 1.0);
    }
    return new Claims(m, false);
  }

  public Claims withExclusive(boolean on) {
    return new Claims(amounts, on);
  }

  public Claims withAmounts(Map<String, Double> a) {
    return new Claims(a, exclusive);
  }

  public boolean isEmpty() {
    return amounts.isEmpty() && !exclusive;
  }
}
