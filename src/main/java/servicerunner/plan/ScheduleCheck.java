package servicerunner.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import servicerunner.schedule.Claims;
import servicerunner.schedule.Scheduler;

/**
 * The scheduling checks that need the whole plan, before anything starts: every {@code needs} id names another
 * task, needs form no cycle, and no claim is larger than its pool (such a task could never start). Also works out
 * each task's claims: its type's defaults, replaced by the plan's {@code resources} / {@code exclusive}.
 */
final class ScheduleCheck {
  private ScheduleCheck() {}

  static List<PreparedTask> resolve(Plan plan, List<PreparedTask> tasks, List<String> errors) {
    Map<String, Integer> byId = new HashMap<>();
    for (PreparedTask t : tasks) {
      if (t.spec().id() != null) {
        byId.put(t.spec().id(), t.spec().index());
      }
    }
    Map<String, Double> capacities = plan.scheduling().capacities();
    List<PreparedTask> out = new ArrayList<>();
    for (PreparedTask t : tasks) {
      TaskSpec s = t.spec();
      List<Integer> needs = new ArrayList<>();
      List<String> ids = s.scheduling().needs();
      for (int k = 0; k < ids.size(); k++) {
        Integer n = byId.get(ids.get(k));
        String at = s.path() + ".needs[" + k + "]";
        if (n == null) {
          errors.add(at + ": no task has the id \"" + ids.get(k) + "\"");
        } else if (n == s.index()) {
          errors.add(at + ": a task cannot need itself");
        } else if (n > s.index() && !plan.parallelRequested()) {
          errors.add(at + ": \"" + ids.get(k) + "\" comes later in the plan; without \"parallel_execution\": true"
              + " tasks run in plan order");
        } else if (!needs.contains(n)) {
          needs.add(n);
        }
      }
      // a run_if tests earlier tasks' results, so it implies needs (PolicyParser checked the ids)
      for (String id : s.policy().referencedTasks()) {
        Integer n = byId.get(id);
        if (n != null && !needs.contains(n)) {
          needs.add(n);
        }
      }
      Claims claims = t.claims();
      if (s.scheduling().resources() != null) {
        claims = claims.withAmounts(s.scheduling().resources());
      }
      if (s.scheduling().exclusive() != null) {
        claims = claims.withExclusive(s.scheduling().exclusive());
      }
      boolean own = s.scheduling().resources() != null;
      claims.amounts().forEach((pool, amount) -> {
        double cap = capacities.getOrDefault(pool, Scheduler.DEFAULT_CAPACITY);
        if (amount > cap + 1e-9) {
          errors.add((own ? s.path() + ".resources." + pool : s.path() + ".type") + ": "
              + (own ? "claims " : "the type claims ") + number(amount) + " of pool \"" + pool
              + "\", more than its capacity " + number(cap) + " (raise it in the top-level \"resources\")");
        }
      });
      out.add(new PreparedTask(s, t.type(), t.params(), t.timeout(), needs, claims));
    }
    cycle(out).ifPresent(errors::add);
    return out;
  }

  /** The first cycle of needs, as {@code tasks[0].needs: a cycle: a -> b -> a}; empty when there is none. */
  private static java.util.Optional<String> cycle(List<PreparedTask> tasks) {
    int[] mark = new int[tasks.size()]; // 0 new, 1 on the path, 2 done
    for (int start = 0; start < tasks.size(); start++) {
      List<Integer> path = new ArrayList<>();
      if (mark[start] == 0 && visit(start, tasks, mark, path)) {
        int from = path.get(path.size() - 1);
        List<String> names = new ArrayList<>();
        for (int i = path.indexOf(from); i < path.size(); i++) {
          names.add(name(tasks.get(path.get(i))));
        }
        return java.util.Optional.of(tasks.get(from).spec().path() + ".needs: a cycle: " + String.join(" -> ", names));
      }
    }
    return java.util.Optional.empty();
  }

  /** Depth-first; on a cycle {@code path} ends with the task that closes it (which also appears earlier). */
  private static boolean visit(int i, List<PreparedTask> tasks, int[] mark, List<Integer> path) {
    path.add(i);
    if (mark[i] == 1) {
      return true;
    }
    if (mark[i] == 2) {
      path.remove(path.size() - 1);
      return false;
    }
    mark[i] = 1;
    for (int n : tasks.get(i).needs()) {
      if (visit(n, tasks, mark, path)) {
        return true;
      }
    }
    mark[i] = 2;
    path.remove(path.size() - 1);
    return false;
  }

  private static String name(PreparedTask t) {
    return t.spec().id() != null ? t.spec().id() : "tasks[" + t.spec().index() + "]";
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
