package servicerunner.exec;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a child and everything it started. commons-exec's watchdog kills only the direct child, so a shell wrapper's
 * children live on and keep the output pipe open. Here: snapshot the descendants before touching the parent (orphans
 * are re-parented and vanish from the tree), ask all of them to stop, wait a short grace, then force. On Linux the
 * child runs in its own session (see {@link Launcher}), so members that escaped the tree are found by process group.
 * On Windows the tool's Job Object is ended, which takes every process in it whatever the tree looks like; without
 * one, taskkill /T /F does what ProcessHandle cannot see.
 *
 * <p>{@link #kill} blocks for up to the grace plus the forced rounds: call it on a worker thread, never on a shared
 * timer. The groups still to sweep belong to this instance (one per {@link ProcessRunner}).
 */
final class ProcessTreeKiller {
  private static final Duration FORCED_ROUND = Duration.ofMillis(500);
  private static final long SWEEP_DELAY_MS = 100;

  private final ScheduledExecutorService timer;
  private final Executor worker;
  private final Set<Long> pendingGroups = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweepScheduled = new AtomicBoolean();

  ProcessTreeKiller(ScheduledExecutorService timer, Executor worker) {
    this.timer = timer;
    this.worker = worker;
  }

  /** What the started process is to the tree it heads: that decides whether it is asked to stop. */
  enum Root {
    /** The tool itself, asked like every other member. */
    TOOL,
    /**
     * The PID namespace's keeper (unshare), only ever forced: its death SIGKILLs the whole namespace at once, which
     * would take the tools' grace away. It exits by itself when the tools have.
     */
    KEEPER,
    /**
     * The tool as the init of its PID namespace: the kernel gives an init only the signals it handles, so it is
     * asked only if it handles SIGTERM. Otherwise it is forced once the rest have had their grace, which is what the
     * SIGTERM would have done to it outside a namespace, without the wait.
     */
    INIT
  }

  /** Ends the tree under {@code root}, and the members of process group {@code groupId} when it is positive. */
  void kill(ProcessHandle root, long groupId, Duration grace) {
    kill(root, groupId, grace, Root.TOOL);
  }

  /** {@link #kill(ProcessHandle, long, Duration)}, with the root treated as {@code role} says. */
  void kill(ProcessHandle root, long groupId, Duration grace, Root role) {
    List<ProcessHandle> all = new ArrayList<>();
    root.descendants().forEach(all::add);
    all.add(root);
    all.addAll(groupMembers(groupId, all));
    if (Platform.current().isWindows() && !TreeGuard.jobs().map(j -> j.terminate(root.pid())).orElse(false)) {
      taskkill(root.pid()); // no job for this tool: what the system still links as its tree
    }
    boolean askRoot = role == Root.TOOL || (role == Root.INIT && handlesSigterm(root.pid()));
    // The tool first: a tool that cleans up on SIGTERM must get it before its children do, or it may see them end,
    // finish its own work and exit without its handler (as the init of its namespace, taking the rest with it).
    if (askRoot) {
      root.destroy();
    }
    for (ProcessHandle p : all) {
      if (!p.equals(root)) {
        p.destroy();
      }
    }
    if (role == Root.INIT && !askRoot) {
      all.remove(root); // it will not go by itself: the forced round below takes it
    }
    awaitExit(all, grace);
    if (!all.contains(root)) {
      all.add(root);
    }
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> alive = new ArrayList<>();
      for (ProcessHandle p : all) {
        if (p.isAlive()) {
          p.descendants().forEach(alive::add); // it may have spawned more while dying
          alive.add(p);
        }
      }
      alive.addAll(groupMembers(groupId, alive));
      if (alive.isEmpty()) {
        return;
      }
      for (ProcessHandle p : alive) {
        p.destroyForcibly();
      }
      all = alive;
      awaitExit(alive, FORCED_ROUND);
    }
  }

  /**
   * Ends, soon, processes left in a finished tool's process group (background children that outlived it). Off the
   * task path and batched: one /proc scan costs milliseconds, so groups are collected and swept together at most
   * every 100 ms instead of once per task. The timer only hands the sweep to the worker.
   */
  void sweepGroupLater(long groupId) {
    if (groupId <= 0 || Platform.current() != Platform.LINUX) {
      return;
    }
    pendingGroups.add(groupId);
    if (sweepScheduled.compareAndSet(false, true)) {
      try {
        timer.schedule(() -> handOff(this::sweepNow), SWEEP_DELAY_MS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closing) {
        handOff(this::sweepNow);
      }
    }
  }

  private void handOff(Runnable r) {
    try {
      worker.execute(r);
    } catch (RejectedExecutionException closing) {
      r.run(); // the runner is closing: its close() waits for this sweep anyway
    }
  }

  /** Sweeps every pending group now (also called before the runner exits). */
  synchronized void sweepNow() {
    sweepScheduled.set(false);
    Set<Long> groups = new HashSet<>(pendingGroups);
    pendingGroups.removeAll(groups);
    if (groups.isEmpty()) {
      return;
    }
    List<ProcessHandle> left = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : dirs) {
        long pid = Long.parseLong(d.getFileName().toString());
        long[] ids = idsOf(d);
        if (pid != self && (groups.contains(ids[0]) || groups.contains(ids[1]))) {
          ProcessHandle.of(pid).ifPresent(left::add);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      return; // /proc unreadable: nothing more can be found
    }
    for (ProcessHandle p : left) {
      p.destroy();
    }
    for (ProcessHandle p : left) {
      try {
        p.onExit().get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  /**
   * Polls instead of {@code onExit()}: for a process that is not our child (every grandchild) the JDK waits in
   * sleeps of 300 ms and more, which alone would push a skip past the app's "immediately". A zombie counts as gone.
   */
  private static void awaitExit(List<ProcessHandle> ps, Duration grace) {
    long start = System.nanoTime();
    long limit = Durations.nanos(grace);
    while (true) {
      boolean any = false;
      for (ProcessHandle p : ps) {
        if (running(p)) {
          any = true;
          break;
        }
      }
      if (!any || Durations.elapsed(start, System.nanoTime(), limit)) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static boolean running(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    if (Platform.current() != Platform.LINUX) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return false; // gone while we looked
    }
  }

  /** Whether the process has a handler for SIGTERM (the SigCgt mask of /proc/PID/status; false when unreadable). */
  static boolean handlesSigterm(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("SigCgt:")) {
          return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (15 - 1))) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or no /proc: forced, as a process without a handler would be
    }
    return false;
  }

  /** Processes still in the given process group (Linux only; the session leader's pid is the group id). */
  static List<ProcessHandle> groupMembers(long groupId, List<ProcessHandle> known) {
    List<ProcessHandle> found = new ArrayList<>();
    if (groupId <= 0 || Platform.current() != Platform.LINUX) {
      return found;
    }
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : dirs) {
        long pid = Long.parseLong(d.getFileName().toString());
        if (pid == ProcessHandle.current().pid() || known.stream().anyMatch(k -> k.pid() == pid)) {
          continue;
        }
        long[] ids = idsOf(d);
        if (ids[0] == groupId || ids[1] == groupId) {
          ProcessHandle.of(pid).ifPresent(found::add);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // /proc unreadable: the tree snapshot is all we have
    }
    return found;
  }

  static long processGroupOf(Path procDir) {
    return idsOf(procDir)[0];
  }

  /**
   * Process group and session id from /proc/PID/stat ({-1, -1} when unreadable). The tool leads its own session, so
   * a child that moved to a new group of its own (setpgid) still carries the tool's session id and is found by it.
   */
  static long[] idsOf(Path procDir) {
    byte[] buf = new byte[512];
    int n;
    try (FileInputStream in = new FileInputStream(procDir.resolve("stat").toFile())) {
      n = in.read(buf);
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
    // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so count after the last ')'
    int i = n - 1;
    while (i >= 0 && buf[i] != ')') {
      i--;
    }
    long[] ids = {-1, -1};
    int field = 0;
    long value = 0;
    boolean inNumber = false;
    for (i = i + 1; i < n; i++) {
      byte b = buf[i];
      if (b == ' ') {
        if (inNumber && (field == 3 || field == 4)) {
          ids[field - 3] = value;
          if (field == 4) {
            return ids;
          }
        }
        field++;
        inNumber = false;
        value = 0;
      } else if ((field == 3 || field == 4) && b >= '0' && b <= '9') {
        inNumber = true;
        value = value * 10 + (b - '0');
      }
    }
    return ids;
  }

  private static void taskkill(long pid) {
    try {
      Process p =
          new ProcessBuilder("taskkill", "/T", "/F", "/PID", Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // taskkill missing: ProcessHandle destroy below still ends the tree it can see
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
