package servicerunner.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A task type's default claims, declared once in its declaration: fixed pools, the disk pools of the volumes named
 * by its drive or path parameters, and whether it runs alone. A plan's {@code resources} / {@code exclusive} replace
 * them for one task.
 *
 * @param pools fixed pools, each with its amount
 * @param diskParams parameters naming a drive or path whose volume's disk pool is claimed (1 each); {@code ""}
 *     stands for the system volume
 */
public record DefaultClaims(Map<String, Double> pools, List<String> diskParams, boolean exclusive) {
  public static final DefaultClaims NONE = new DefaultClaims(Map.of(), List.of(), false);

  /** How {@code --list-tasks} names the system volume's disk pool. */
  public static final String SYSTEM_DISK = "disk:<system drive>";

  public DefaultClaims {
    pools = Map.copyOf(pools);
    diskParams = List.copyOf(diskParams);
  }

  /** The claims of one task; {@code param} gives a validated parameter's text, or null when absent. */
  public Claims apply(UnaryOperator<String> param) {
    Map<String, Double> m = new TreeMap<>(pools);
    for (String p : diskParams) {
      m.put(Volumes.diskPool(p.isEmpty() ? null : param.apply(p)), 1.0);
    }
    return new Claims(m, exclusive);
  }

  /** The pools as {@code --list-tasks} shows them: {@code disk:<drive>} for a pool taken from a parameter. */
  public Map<String, Double> listed() {
    Map<String, Double> m = new TreeMap<>(pools);
    for (String p : diskParams) {
      m.put(p.isEmpty() ? SYSTEM_DISK : "disk:<" + p + ">", 1.0);
    }
    return m;
  }

  public DefaultClaims withPool(String name, double amount) {
    Map<String, Double> m = new TreeMap<>(pools);
    m.put(name, amount);
    return new DefaultClaims(m, diskParams, exclusive);
  }

  public DefaultClaims withDisk(String param) {
    List<String> d = new ArrayList<>(diskParams);
    d.add(param);
    return new DefaultClaims(pools, d, exclusive);
  }

  public DefaultClaims withExclusive() {
    return new DefaultClaims(pools, diskParams, true);
  }
}
