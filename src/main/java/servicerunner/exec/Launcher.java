package servicerunner.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.environment.EnvironmentUtils;

/**
 * Starts one tool with commons-exec and waits for it to exit: argv is added with quoting off (never shell-parsed), the
 * extra environment is merged over the runner's own, every exit code is a result rather than an exception, and on
 * Linux the tool leads its own session so that what it leaves behind can be found by process group.
 */
final class Launcher {
  static final Path SETSID = Path.of("/usr/bin/setsid");

  private final boolean ownSession;

  Launcher(boolean ownSession) {
    this.ownSession = ownSession;
  }

  static Launcher forThisPlatform() {
    return new Launcher(Platform.current() == Platform.LINUX && Files.isExecutable(SETSID));
  }

  /** Whether the tool runs as leader of its own session, so its pid is also its process group id. */
  boolean ownSession() {
    return ownSession;
  }

  CommandLine commandLine(Path exe, List<String> args) {
    CommandLine cmd;
    if (ownSession) {
      // setsid execs the tool in the same pid (the JVM's child is never a group leader, so setsid does not fork),
      // as leader of a new process group, so that a grandchild that outlives its parent can still be found by group id.
      cmd = new CommandLine(SETSID.toString());
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
    DefaultExecutor executor =
        DefaultExecutor.builder().setExecuteStreamHandler(streams).setThreadFactory(threads).setWorkingDirectory(cwd).get();
    executor.setExitValues(null);
    executor.setProcessDestroyer(new StartedHook(started));
    return executor.execute(commandLine(exe, args), environment(extraEnv));
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
