package servicerunner.exec;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a tool on Linux with glibc's posix_spawn (through JNA) instead of the JDK's launcher, so that the tree
 * guard costs no program of its own: the child leads a new session (POSIX_SPAWN_SETSID, as {@code setsid} did) and,
 * for {@code pidns}, is the first process of a new PID namespace (unshare(CLONE_NEWPID) on the starting thread just
 * before the spawn, undone right after, as {@code unshare --pid} did). Before this each tool went through setsid,
 * setpriv, unshare and an init shell: four execs and two forks, about 4 ms a task, three times what starting the tool
 * costs (reports/pertask-profile-2026-12-03.md). What setpriv's death signal gave is kept by {@link DeathWatch}.
 *
 * <p>Everything else is as the JDK does it: three pipes, every other descriptor closed in the child, signal mask
 * and dispositions reset, the working folder set in the child. Where any of it is missing (JNA cannot load, glibc
 * older than 2.34, another libc) {@link #linux()} is empty and the {@link Launcher} keeps the wrapper programs.
 */
final class NativeSpawn {
  private static final int ETXTBSY = 26;
  private static final int BUSY_ATTEMPTS = 6;

  /** The file actions differ per tool: each thread reuses its own (posix_spawn_file_actions_destroy empties them). */
  private static final ThreadLocal<Memory> ACTIONS =
      ThreadLocal.withInitial(() -> Libc.zeroed(Libc.FILE_ACTIONS_SIZE));

  /** Each thread's argv block (pointer table, then the strings): a StringArray is a native allocation a string. */
  private static final ThreadLocal<Memory[]> ARGV = ThreadLocal.withInitial(() -> new Memory[1]);

  private final int ownPidNamespace; // our own PID namespace, to return to after each unshare
  /** The same for every tool (own session, no blocked signal, every signal's default); posix_spawn only reads it. */
  private final Memory attributes = attributes();
  private final StringArray inherited = new StringArray(environment(System.getenv())); // made once: read-only
  private final boolean namespaces;

  private NativeSpawn(int ownPidNamespace) {
    this.ownPidNamespace = ownPidNamespace;
    this.namespaces = exits7(true);
  }

  private static final class Holder {
    static final Optional<NativeSpawn> LINUX = load();
  }

  /** The native spawner of this JVM, when it works here (probed once by starting {@code sh -c 'exit 7'}). */
  static Optional<NativeSpawn> linux() {
    return Holder.LINUX;
  }

  private static Optional<NativeSpawn> load() {
    if (Platform.current() != Platform.LINUX || "off".equals(System.getenv("SERVICE_RUNNER_NATIVE_SPAWN"))) {
      return Optional.empty();
    }
    try {
      JnaSetup.prepare();
      Libc.load();
      int ns = Libc.open("/proc/self/ns/pid", Libc.O_RDONLY | Libc.O_CLOEXEC);
      if (ns < 0) {
        return Optional.empty();
      }
      NativeSpawn spawn = new NativeSpawn(ns);
      // as root the namespace probe alone says both (one start fewer on the way to the first task)
      return spawn.namespaces || spawn.exits7(false) ? Optional.of(spawn) : Optional.empty();
    } catch (LinkageError | RuntimeException e) {
      return Optional.empty(); // no JNA native for this machine, or a libc without these functions
    }
  }

  private static Memory attributes() {
    Memory attr = Libc.zeroed(Libc.SPAWNATTR_SIZE);
    Memory none = Libc.zeroed(Libc.SIGSET_SIZE);
    Memory all = Libc.zeroed(Libc.SIGSET_SIZE);
    Libc.sigemptyset(none);
    Libc.sigfillset(all);
    if (Libc.posix_spawnattr_init(attr) != 0 || Libc.posix_spawnattr_setsigmask(attr, none) != 0
        || Libc.posix_spawnattr_setsigdefault(attr, all) != 0 || Libc.posix_spawnattr_setflags(attr,
            (short) (Libc.POSIX_SPAWN_SETSID | Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF)) != 0) {
      throw new IllegalStateException("posix_spawnattr refused the runner's attributes");
    }
    return attr;
  }

  /** Whether this runner may make PID namespaces (root or CAP_SYS_ADMIN); probed once. */
  boolean namespacesWork() {
    return namespaces;
  }

  /** A probe: not listed with {@link DeathWatch}, which then starts with the first tool, not here. */
  private boolean exits7(boolean namespace) {
    return TreeGuard.exits7(() -> {
      Child c = spawn(TreeGuard.SH, List.of("sh", "-c", "exit 7"), null, null, namespace);
      return new SpawnedProcess(c.pid(), c.stdin(), c.stdout(), c.stderr());
    });
  }

  /**
   * Starts {@code exe} with {@code argv} (argv[0] included) as leader of a new session and, with {@code namespace},
   * as init of a new PID namespace. {@code env} null inherits the runner's environment.
   */
  SpawnedProcess start(Path exe, List<String> argv, Map<String, String> env, Path cwd, boolean namespace)
      throws IOException {
    DeathWatch.ready(this);
    Child c = spawn(exe, argv, env, cwd, namespace);
    DeathWatch.watch(c.pid());
    return new SpawnedProcess(c.pid(), c.stdin(), c.stdout(), c.stderr());
  }

  /** A started child nobody waits for: its pid and our ends of its three pipes. */
  record Child(int pid, OutputStream stdin, InputStream stdout, InputStream stderr) {}

  /**
   * Starts a child that no thread waits for (the JDK's exit waits up to 300 ms for threads blocked in a native wait,
   * so {@link DeathWatch}, which lives as long as the JVM, must not have one); it stays a zombie if it ends first.
   */
  Child spawn(Path exe, List<String> argv, Map<String, String> env, Path cwd, boolean namespace)
      throws IOException {
    List<Integer> open = new ArrayList<>(6);
    OutputStream stdin = null;
    InputStream stdout = null;
    InputStream stderr = null;
    Memory actions = ACTIONS.get();
    boolean actionsMade = false;
    try {
      int[] in = pipe(open);
      int[] out = pipe(open);
      int[] err = pipe(open);
      // Java streams on our ends; each closes its own descriptor, so they leave the list this method closes
      stdin = PipeStreams.out(in[1]);
      open.remove(Integer.valueOf(in[1]));
      stdout = PipeStreams.in(out[0]);
      open.remove(Integer.valueOf(out[0]));
      stderr = PipeStreams.in(err[0]);
      open.remove(Integer.valueOf(err[0]));
      check(Libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
      actionsMade = true;
      check(Libc.posix_spawn_file_actions_adddup2(actions, in[0], 0), "adddup2");
      check(Libc.posix_spawn_file_actions_adddup2(actions, out[1], 1), "adddup2");
      check(Libc.posix_spawn_file_actions_adddup2(actions, err[1], 2), "adddup2");
      check(Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3), "addclosefrom_np");
      if (cwd != null) {
        check(Libc.posix_spawn_file_actions_addchdir_np(actions, cwd.toString()), "addchdir_np");
      }
      Child child = new Child(spawnWith(exe, argv, env, actions, attributes, namespace), stdin, stdout, stderr);
      stdin = null;
      stdout = null;
      stderr = null;
      return child;
    } finally {
      for (int fd : open) {
        Libc.close(fd);
      }
      if (actionsMade) {
        Libc.posix_spawn_file_actions_destroy(actions); // frees glibc's list; the struct is this thread's again
      }
      DecodingStreamHandler.closeQuietly(stdin); // set only when the start failed: nothing went through them
      DecodingStreamHandler.closeQuietly(stdout);
      DecodingStreamHandler.closeQuietly(stderr);
    }
  }

  private int spawnWith(Path exe, List<String> argv, Map<String, String> env, Memory actions, Memory attr,
      boolean namespace) throws IOException {
    int[] pid = new int[1];
    Pointer args = argv(argv);
    StringArray envp = env == null ? inherited : new StringArray(environment(env));
    int rc = ETXTBSY;
    // "Text file busy": a program written a moment ago is still open for writing in a child another thread is
    // starting (it holds the descriptor until its exec closes it). That passes within milliseconds.
    for (int attempt = 0; rc == ETXTBSY && attempt < BUSY_ATTEMPTS; attempt++) {
      if (attempt > 0) {
        pause(attempt * 5L);
      }
      rc = spawnOnce(pid, exe, args, envp, actions, attr, namespace);
    }
    if (rc != 0) {
      throw new IOException("Cannot run program \"" + exe + "\": error=" + rc + ", " + Libc.strerror(rc));
    }
    return pid[0];
  }

  private int spawnOnce(int[] pid, Path exe, Pointer args, StringArray envp, Memory actions,
      Memory attr, boolean namespace) throws IOException {
    if (namespace && Libc.unshare(Libc.CLONE_NEWPID) != 0) {
      throw new IOException("cannot make a PID namespace: " + Libc.strerror(Native.getLastError()));
    }
    try {
      return Libc.posix_spawn(pid, exe.toString(), actions, attr, args, envp);
    } finally {
      // This thread's next child (and thread: the kernel refuses a thread while the two differ) is ours again.
      if (namespace && Libc.setns(ownPidNamespace, Libc.CLONE_NEWPID) != 0) {
        throw new IllegalStateException("cannot return to the runner's PID namespace: "
            + Libc.strerror(Native.getLastError()));
      }
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the program was busy");
    }
  }

  /** argv as C wants it, NULL-ended, in this thread's block (posix_spawn copies what it needs before it returns). */
  private static Pointer argv(List<String> argv) {
    byte[][] bytes = new byte[argv.size()][];
    long table = (argv.size() + 1L) * Native.POINTER_SIZE;
    long size = table;
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Native.toByteArray(argv.get(i)); // in JNA's string encoding, NUL-ended
      size += bytes[i].length;
    }
    Memory m = Libc.threadBlock(ARGV, size, 4096);
    long off = table;
    for (int i = 0; i < bytes.length; i++) {
      m.setPointer((long) i * Native.POINTER_SIZE, m.share(off));
      m.write(off, bytes[i], 0, bytes[i].length);
      off += bytes[i].length;
    }
    m.setPointer((long) bytes.length * Native.POINTER_SIZE, null);
    return m;
  }

  private static String[] environment(Map<String, String> vars) {
    String[] out = new String[vars.size()];
    int i = 0;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      out[i++] = e.getKey() + "=" + e.getValue();
    }
    return out;
  }

  private int[] pipe(List<Integer> open) throws IOException {
    int[] fds = new int[2];
    if (Libc.pipe2(fds, Libc.O_CLOEXEC) != 0) {
      throw new IOException("cannot make a pipe: " + Libc.strerror(Native.getLastError()));
    }
    open.add(fds[0]);
    open.add(fds[1]);
    return fds;
  }

  private void check(int rc, String what) throws IOException {
    if (rc != 0) {
      throw new IOException(what + ": " + Libc.strerror(rc));
    }
  }

}
