package servicerunner.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What makes sure a task's whole process tree ends, said in the report as {@code tree_guard}.
 *
 * <ul>
 *   <li>{@code pidns} (Linux, where the runner may create a PID namespace: root or CAP_SYS_ADMIN): each tool is the
 *       first process of a PID namespace of its own and leads its own session. When the tool ends, the kernel kills
 *       every process left in its namespace, whatever session or group it moved to; when the runner dies, even by
 *       SIGKILL, {@link DeathWatch} kills the tool, with the same effect. {@link NativeSpawn} sets this up in the
 *       spawn itself; where it cannot load, each tool runs as {@code setsid setpriv --pdeathsig KILL -- unshare
 *       --pid --kill-child -- <init> <tool>} instead, with the same guarantees at about 4 ms a task.
 *   <li>{@code pgroup} (other Linux): the tool leads its own session; what it leaves behind is found by process
 *       group and by session id and ended. A child that starts its own session escapes; when the runner dies by
 *       SIGKILL, {@link DeathWatch} ends each tool's process group (with {@link NativeSpawn} only).
 *   <li>{@code job_object} (Windows): the runner in a job that ends what is left when the runner ends, each tool in
 *       a job of its own nested in it, ended at once by a kill (see {@link JobObjects}).
 *   <li>{@code taskkill} (Windows where the runner's job cannot be made): the descendants and
 *       {@code taskkill /T /F}.
 *   <li>{@code tree} (elsewhere): the descendants the JDK can see.
 * </ul>
 *
 * A user namespace would let an unprivileged runner have {@code pidns} too, but it changes what a tool may do
 * (a setuid {@code ping} loses its privilege), so it is not used. {@code SERVICE_RUNNER_TREE_GUARD=pgroup} turns the
 * namespace off.
 */
public enum TreeGuard {
  PID_NAMESPACE("pidns"),
  PROCESS_GROUP("pgroup"),
  JOB_OBJECT("job_object"),
  TASKKILL("taskkill"),
  PROCESS_TREE("tree");

  static final Path SETSID = Path.of("/usr/bin/setsid");
  static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  static final Path UNSHARE = Path.of("/usr/bin/unshare");
  static final Path SH = Path.of("/bin/sh");

  private final String id;

  TreeGuard(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  private static final class Holder {
    // the runner joins its job here, before its first tool starts (every tool starts after this guard is known)
    static final Optional<JobObjects> JOBS = JobObjects.forRunner(Platform.current());
    static final TreeGuard CURRENT = detect();
  }

  /** The runner's Job Objects: present only with the {@code job_object} guard. */
  static Optional<JobObjects> jobs() {
    return Holder.JOBS;
  }

  /**
   * Decides the guard on a thread of its own (loading JNA, starting a probe in a namespace: tens of milliseconds), so
   * that it is ready when the plan has been read and the first tool starts.
   */
  public static void decideInBackground() {
    Thread t = new Thread(() -> {
      TreeGuard g = current();
      if (g == PID_NAMESPACE || g == PROCESS_GROUP) {
        NativeSpawn.linux().ifPresent(DeathWatch::ready); // JNA and the watch too, before the first tool waits for them
      }
    }, "sr-guard");
    t.setDaemon(true);
    t.start();
  }

  /** The guard of this runner; decided once (the namespace is probed by starting one). */
  public static TreeGuard current() {
    return Holder.CURRENT;
  }

  private static TreeGuard detect() {
    Platform p = Platform.current();
    if (p.isWindows()) {
      return windows(Holder.JOBS);
    }
    if (p != Platform.LINUX || !Files.isExecutable(SETSID)) {
      return PROCESS_TREE;
    }
    if ("pgroup".equals(System.getenv("SERVICE_RUNNER_TREE_GUARD")) || !namespaceWorks()) {
      return PROCESS_GROUP;
    }
    return PID_NAMESPACE;
  }

  static TreeGuard windows(Optional<JobObjects> jobs) {
    return jobs.isPresent() ? JOB_OBJECT : TASKKILL;
  }

  /** Whether the kernel and our rights allow a namespace: start one around {@code sh -c 'exit 7'}. */
  private static boolean namespaceWorks() {
    return NativeSpawn.linux().map(NativeSpawn::namespacesWork).orElseGet(TreeGuard::wrapperWorks);
  }

  /** {@link #namespaceWorks()} where {@link NativeSpawn} is not available: the wrapper programs. */
  private static boolean wrapperWorks() {
    if (!Files.isExecutable(SETPRIV) || !Files.isExecutable(UNSHARE) || !Files.isExecutable(SH)) {
      return false;
    }
    return exits7(() -> new ProcessBuilder(SETPRIV.toString(), "--pdeathsig", "KILL", "--", UNSHARE.toString(),
        "--pid", "--kill-child", "--", SH.toString(), "-c", "exit 7")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
  }

  /** A probe's start: a process that should exit 7 (the way a guard is tried before it is chosen). */
  @FunctionalInterface
  interface Probe {
    Process start() throws IOException;
  }

  /** Whether the probe starts and exits with 7 within 5 s; its streams are closed either way. */
  static boolean exits7(Probe probe) {
    try {
      Process p = probe.start();
      try {
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return false;
        }
        return p.exitValue() == 7;
      } finally {
        p.getInputStream().close();
        p.getErrorStream().close();
      }
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
