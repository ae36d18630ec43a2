package servicerunner.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.environment.EnvironmentUtils;

/**
 * Starts one tool with commons-exec and waits for it to exit: argv is added with quoting off (never shell-parsed), the
 * extra environment is merged over the runner's own, every exit code is a result rather than an exception, and on
 * Linux the tool leads its own session so that what it leaves behind can be found by process group and session, and
 * runs in its own PID namespace where the runner may make one; on Windows it gets a Job Object of its own (see
 * {@link TreeGuard}).
 */
final class Launcher {
  static final Path SETSID = TreeGuard.SETSID;

  /**
   * The namespace's init: starts the tool (on the real stdin: a background job of a non-interactive shell would get
   * /dev/null), passes on SIGTERM, SIGINT and SIGHUP (an init only receives signals it handles), and exits with the
   * tool's status. The tool is not the init, so a signal reaches it as it would outside.
   */
  static final String INIT = "exec 3<&0; \"$@\" 0<&3 3<&- & c=$!; exec 3<&-;"
      + " trap 'kill -TERM $c 2>/dev/null' TERM; trap 'kill -INT $c 2>/dev/null' INT;"
      + " trap 'kill -HUP $c 2>/dev/null' HUP;"
      + " while :; do wait $c; s=$?; kill -0 $c 2>/dev/null || exit $s; done";

  private final TreeGuard guard;
  private final Optional<NativeSpawn> spawner; // present: no wrapper program, the guard is set up by posix_spawn

  Launcher(TreeGuard guard) {
    this(guard, NativeSpawn.linux());
  }

  Launcher(TreeGuard guard, Optional<NativeSpawn> spawner) {
    this.guard = guard;
    this.spawner = guard == TreeGuard.PID_NAMESPACE || guard == TreeGuard.PROCESS_GROUP ? spawner : Optional.empty();
  }

  static Launcher forThisPlatform() {
    return new Launcher(TreeGuard.current());
  }

  TreeGuard guard() {
    return guard;
  }

  /** Whether the tool runs as leader of its own session, so its pid is also its process group and session id. */
  boolean ownSession() {
    return guard == TreeGuard.PID_NAMESPACE || guard == TreeGuard.PROCESS_GROUP;
  }

  /** Whether the tool runs in a PID namespace of its own, which the kernel ends with it. */
  boolean namespaced() {
    return guard == TreeGuard.PID_NAMESPACE;
  }

  /** What the started process is to its tree: the tool, the namespace's keeper (unshare), or the tool as its init. */
  ProcessTreeKiller.Root root() {
    if (!namespaced()) {
      return ProcessTreeKiller.Root.TOOL;
    }
    return spawner.isPresent() ? ProcessTreeKiller.Root.INIT : ProcessTreeKiller.Root.KEEPER;
  }

  CommandLine commandLine(Path exe, List<String> args) {
    CommandLine cmd;
    if (ownSession() && spawner.isEmpty()) {
      // setsid execs the tool in the same pid (the JVM's child is never a group leader, so setsid does not fork),
      // as leader of a new process group, so that a grandchild that outlives its parent can still be found by group id.
      cmd = new CommandLine(SETSID.toString());
      if (namespaced()) {
        for (String a : new String[] {TreeGuard.SETPRIV.toString(), "--pdeathsig", "KILL", "--",
            TreeGuard.UNSHARE.toString(), "--pid", "--kill-child", "--", TreeGuard.SH.toString(), "-c", INIT, "sh"}) {
          cmd.addArgument(a, false);
        }
      }
      cmd.addArgument(exe.toString(), false);
    } else {
      cmd = new CommandLine(exe.toString());
    }
    for (String arg : args) {
      cmd.addArgument(arg, false);
    }
    return cmd;
  }

  /** The environment for the tool: null inherits the runner's as is; extra variables are set over a copy of it. */
  static Map<String, String> environment(Map<String, String> extra) throws IOException {
    if (extra.isEmpty()) {
      return null;
    }
    Map<String, String> env = new HashMap<>(EnvironmentUtils.getProcEnvironment());
    env.putAll(extra);
    return env;
  }

  /**
   * Runs the tool to its exit and returns the exit value. {@code started} receives the process as soon as it exists
   * (after the stream handler started its pumps); it must not throw. The stream handler's {@code stop()} runs after
   * the exit, before this returns.
   */
  int execute(
      Path exe,
      List<String> args,
      Map<String, String> extraEnv,
      Path cwd,
      ExecuteStreamHandler streams,
      ThreadFactory threads,
      Consumer<Process> started)
      throws IOException {
    DefaultExecutor executor = spawner.isPresent() ? new LaunchingExecutor(streams, cwd, (command, env, jdk) -> {
          String[] argv = command.toStrings();
          return spawner.get().start(Path.of(argv[0]), List.of(argv), env, cwd, namespaced());
        })
        : namespaced() ? new LaunchingExecutor(streams, cwd, (command, env, jdk) -> Spawner.start(jdk))
        : DefaultExecutor.builder().setExecuteStreamHandler(streams).setThreadFactory(threads).setWorkingDirectory(cwd).get();
    executor.setExitValues(null);
    Optional<JobObjects> jobs = guard == TreeGuard.JOB_OBJECT ? TreeGuard.jobs() : Optional.empty();
    if (jobs.isEmpty()) {
      executor.setProcessDestroyer(new StartedHook(started));
      return executor.execute(commandLine(exe, args), environment(extraEnv));
    }
    JobObjects job = jobs.get();
    AtomicLong pid = new AtomicLong(-1);
    executor.setProcessDestroyer(new StartedHook(p -> {
      job.adopt(p); // before anything may kill it: a kill ends its job
      pid.set(p.pid());
      started.accept(p);
    }));
    try {
      return executor.execute(commandLine(exe, args), environment(extraEnv));
    } finally {
      job.release(pid.get()); // ends what the tool left in its job
    }
  }

  /** How a {@link LaunchingExecutor} starts its process; {@code jdk} is commons-exec's own way (ProcessBuilder). */
  @FunctionalInterface
  private interface Launch {
    Process start(CommandLine command, Map<String, String> env, Callable<Process> jdk) throws IOException;
  }

  /**
   * An executor that starts its process its own way: on the {@link Spawner} thread for the wrapper programs (the
   * death signal of the {@code pidns} guard follows the forking thread), or with {@link NativeSpawn} (session and
   * namespace without wrapper programs, on the calling thread). commons-exec's builder cannot make a subclass, hence
   * the older constructor.
   */
  private static final class LaunchingExecutor extends DefaultExecutor {
    private final Launch how;

    @SuppressWarnings("deprecation")
    LaunchingExecutor(ExecuteStreamHandler streams, Path cwd, Launch how) {
      setStreamHandler(streams);
      if (cwd != null) {
        setWorkingDirectory(cwd.toFile());
      }
      this.how = how;
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, java.io.File dir) throws IOException {
      return how.start(command, env, () -> super.launch(command, env, dir));
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, Path dir) throws IOException {
      return how.start(command, env, () -> super.launch(command, env, dir));
    }
  }

  /**
   * commons-exec hands the new process to its {@link ProcessDestroyer} right after starting the stream pumps and before
   * waiting for it. That is the one place to learn the {@link Process} without subclassing {@link DefaultExecutor}.
   */
  private static final class StartedHook implements ProcessDestroyer {
    private final Consumer<Process> started;

    StartedHook(Consumer<Process> started) {
      this.started = started;
    }

    @Override
    public boolean add(Process process) {
      started.accept(process);
      return true;
    }

    @Override
    public boolean remove(Process process) {
      return true;
    }

    @Override
    public int size() {
      return 0;
    }
  }
}
