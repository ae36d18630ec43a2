package servicerunner.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic list scheduling over one plan, with no threads and no clock: given which tasks ended, it says which
 * start next. A task starts when the tasks it needs have ended, a slot is free and its claims fit; tasks are
 * considered in plan order, so an earlier task always gets a free pool first; nothing overtakes an exclusive task
 * that has not started (except the tasks that exclusive task itself needs), and an exclusive task starts only when
 * nothing else runs. The same plan and the same order of endings always give the same schedule.
 *
 * <p>Not thread-safe: the engine's dispatcher thread owns it.
 */
public final class Scheduler {
  /** Pools no plan names have this capacity: a claim of 1 then means "one at a time". */
  public static final double DEFAULT_CAPACITY = 1.0;
  private static final double EPSILON = 1e-9;

  /** One task as the scheduler sees it. */
  public record Job(int index, List<Integer> needs, Claims claims) {
    public Job {
      needs = List.copyOf(needs);
    }
  }

  private enum State { PENDING, RUNNING, ENDED }

  private final List<Job> jobs;
  private final int slots;
  private final Map<String, Double> capacities;
  private final State[] state;
  private final Map<String, Double> held = new HashMap<>();
  private final List<Integer> running = new ArrayList<>();

  /**
   * @param jobs every task of the plan, by index
   * @param slots at most this many run at once (at least 1)
   * @param capacities pool capacities the plan set; other pools have {@link #DEFAULT_CAPACITY}
   * @throws IllegalArgumentException for a claim no pool can hold or a need outside the plan (plan checks come first)
   */
  public Scheduler(List<Job> jobs, int slots, Map<String, Double> capacities) {
    this.jobs = List.copyOf(jobs);
    this.slots = Math.max(1, slots);
    this.capacities = Map.copyOf(capacities);
    this.state = new State[jobs.size()];
    java.util.Arrays.fill(state, State.PENDING);
    for (Job j : this.jobs) {
      for (int n : j.needs()) {
        if (n < 0 || n >= jobs.size() || n == j.index()) {
          throw new IllegalArgumentException("task " + j.index() + " needs task " + n + ", which is not another task");
        }
      }
      j.claims().amounts().forEach((pool, amount) -> {
        if (amount > capacity(pool) + EPSILON) {
          throw new IllegalArgumentException("task " + j.index() + " claims " + amount + " of " + pool
              + ", more than its capacity " + capacity(pool));
        }
      });
    }
  }

  public double capacity(String pool) {
    return capacities.getOrDefault(pool, DEFAULT_CAPACITY);
  }

  /** Starts whatever can start now, in plan order; each returned task counts as running until {@link #ended}. */
  public List<Integer> next() {
    List<Integer> started = new ArrayList<>();
    pass(i -> {
      start(i);
      started.add(i);
    });
    return started;
  }

  /** Why each task that has not started cannot start now (plan order); a task that could start is absent. */
  public Map<Integer, Wait> waits() {
    return pass(null);
  }

  /** A running task ended, or a task that had not started was settled without running (skipped, stopped). */
  public void ended(int index) {
    if (state[index] == State.RUNNING) {
      running.remove(Integer.valueOf(index));
      jobs.get(index).claims().amounts().forEach((pool, amount) -> held.merge(pool, -amount, Double::sum));
    }
    state[index] = State.ENDED;
  }

  public boolean isPending(int index) {
    return state[index] == State.PENDING;
  }

  public boolean hasEnded(int index) {
    return state[index] == State.ENDED;
  }

  public List<Integer> running() {
    return List.copyOf(running);
  }

  public boolean allEnded() {
    for (State s : state) {
      if (s != State.ENDED) {
        return false;
      }
    }
    return true;
  }

  /**
   * One walk in plan order. With {@code starter}, every task that may start is started at once (so later tasks see
   * its claims); without, only the reasons are collected.
   */
  private Map<Integer, Wait> pass(java.util.function.IntConsumer starter) {
    Map<Integer, Wait> waits = new LinkedHashMap<>();
    int barrier = -1; // the first exclusive task that has not started: no one overtakes it ...
    BitSet allowed = new BitSet(); // ... except what it needs, directly or not
    List<Integer> planned = new ArrayList<>(running);
    Map<String, Double> claimed = new HashMap<>(held);
    for (Job j : jobs) {
      int i = j.index();
      if (state[i] != State.PENDING) {
        continue;
      }
      Wait w = check(j, barrier, allowed, planned, claimed);
      if (w == null) {
        if (starter != null) {
          starter.accept(i);
        }
        // without a starter (a dry run) it still counts as started, so later tasks get the reasons they will meet
        planned.add(i);
        j.claims().amounts().forEach((pool, amount) -> claimed.merge(pool, amount, Double::sum));
      } else {
        waits.put(i, w);
      }
      if (w != null && j.claims().exclusive() && barrier < 0) {
        barrier = i;
        closure(i, allowed);
      }
    }
    return waits;
  }

  private Wait check(Job j, int barrier, BitSet allowed, List<Integer> planned, Map<String, Double> claimed) {
    List<Integer> open = new ArrayList<>();
    for (int n : j.needs()) {
      if (state[n] != State.ENDED) {
        open.add(n);
      }
    }
    if (!open.isEmpty()) {
      return Wait.needs(open);
    }
    if (barrier >= 0 && !allowed.get(j.index())) {
      return Wait.exclusive(List.of(barrier));
    }
    for (int r : planned) {
      if (jobs.get(r).claims().exclusive()) {
        return Wait.exclusive(List.of(r));
      }
    }
    if (j.claims().exclusive() && !planned.isEmpty()) {
      return Wait.exclusive(planned);
    }
    if (planned.size() >= slots) {
      return Wait.SLOT;
    }
    for (Map.Entry<String, Double> c : j.claims().amounts().entrySet()) {
      if (claimed.getOrDefault(c.getKey(), 0.0) + c.getValue() > capacity(c.getKey()) + EPSILON) {
        return Wait.resource(c.getKey());
      }
    }
    return null;
  }

  private void closure(int from, BitSet into) {
    Deque<Integer> todo = new ArrayDeque<>(jobs.get(from).needs());
    while (!todo.isEmpty()) {
      int n = todo.pop();
      if (!into.get(n)) {
        into.set(n);
        todo.addAll(jobs.get(n).needs());
      }
    }
  }

  private void start(int i) {
    state[i] = State.RUNNING;
    running.add(i);
    jobs.get(i).claims().amounts().forEach((pool, amount) -> held.merge(pool, amount, Double::sum));
  }
}
