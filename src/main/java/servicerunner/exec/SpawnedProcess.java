package servicerunner.exec;

import com.sun.jna.Native;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child started by {@link NativeSpawn}, seen as a {@link Process}. {@link #waitFor()} waits for its exit with
 * WNOWAIT, which leaves the status in place; then, under one lock, whichever thread looks first ({@link #isAlive()}
 * from a watchdog, or the wait) tells {@link DeathWatch} the pid is no longer a tool's, while it is still a zombie that
 * the kernel cannot hand out again, and takes the status with waitpid, once. The exit value reads as the JDK's does: the
 * code, or 128 plus the signal that ended it.
 */
final class SpawnedProcess extends Process {
  private final int pid;
  private ProcessHandle handle; // made at the first toHandle(); guarded by this, as the reap is
  private final OutputStream stdin;
  private final InputStream stdout;
  private final InputStream stderr;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final CompletableFuture<Process> exited;
  private static final int EINTR = 4;

  SpawnedProcess(int pid, OutputStream stdin, InputStream stdout, InputStream stderr) {
    this.pid = pid;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.exited = exit.thenApply(code -> this);
  }

  /**
   * Waits in the kernel on the calling thread. The JDK hands each exit from a reaper thread to the waiting one; on a
   * busy 2-core machine every such hand-off waits for a CPU, and commons-exec's thread waits for the exit anyway.
   */
  private void awaitExit() {
    if (exit.isDone()) {
      return;
    }
    byte[] info = new byte[Libc.SIGINFO_SIZE];
    while (Libc.waitid(Libc.P_PID, pid, info, Libc.WEXITED | Libc.WNOWAIT) != 0
        && Native.getLastError() == EINTR) {
      // a signal woke the wait: wait again
    }
    reap();
  }

  /** Takes the exit status if there is one; never waits. */
  private synchronized void reap() {
    if (exit.isDone()) {
      return;
    }
    // Look first without taking the status: the pid must leave the watch's list while it is still a zombie.
    byte[] info = new byte[Libc.SIGINFO_SIZE];
    if (Libc.waitid(Libc.P_PID, pid, info, Libc.WEXITED | Libc.WNOHANG | Libc.WNOWAIT) != 0) {
      exit.complete(-1); // not our child any more: nothing to read
      return;
    }
    if (info[0] == 0 && info[1] == 0 && info[2] == 0 && info[3] == 0) {
      return; // si_signo stays 0 while the child runs
    }
    DeathWatch.release(pid);
    int[] status = new int[1];
    if (Libc.waitpid(pid, status, Libc.WNOHANG) != pid) {
      exit.complete(-1);
      return;
    }
    int s = status[0];
    int signal = s & 0x7f;
    exit.complete(signal == 0 ? (s >> 8) & 0xff : 128 + signal);
  }

  @Override
  public long pid() {
    return pid;
  }

  /**
   * Made when first asked for, not at the start: ProcessHandle.of reads /proc/PID/stat (about 90 microseconds a task),
   * and a short tool is never asked. Unreaped, the child is at least a zombie, so its pid is still its own; once reaped
   * the pid may be another process's, and the handle is one of a process that has ended.
   */
  @Override
  public synchronized ProcessHandle toHandle() {
    if (handle == null) {
      handle = exit.isDone() ? null : ProcessHandle.of(pid).orElse(null);
      if (handle == null) {
        handle = new EndedProcessHandle(pid);
      }
    }
    return handle;
  }

  @Override
  public OutputStream getOutputStream() {
    return stdin;
  }

  @Override
  public InputStream getInputStream() {
    return stdout;
  }

  @Override
  public InputStream getErrorStream() {
    return stderr;
  }

  @Override
  public int waitFor() {
    awaitExit();
    return exit.join();
  }

  /** Polls: only the start-up probe and a last look after a lost wait use it. */
  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (isAlive()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }

  @Override
  public int exitValue() {
    reap();
    Integer code = exit.getNow(null);
    if (code == null) {
      throw new IllegalThreadStateException("process " + pid + " has not exited");
    }
    return code;
  }

  @Override
  public boolean isAlive() {
    reap();
    return !exit.isDone();
  }

  /** Completes when somebody waited for the exit or saw it ({@link #waitFor}, {@link #isAlive}). */
  @Override
  public CompletableFuture<Process> onExit() {
    return exited;
  }

  @Override
  public synchronized void destroy() {
    if (!exit.isDone()) {
      toHandle().destroy();
    }
  }

  @Override
  public synchronized Process destroyForcibly() {
    if (!exit.isDone()) {
      toHandle().destroyForcibly();
    }
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return true;
  }
}
