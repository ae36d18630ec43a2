package servicerunner.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One child process to run: argv (never a shell string), working folder, extra environment, text for stdin (null
 * closes stdin at once, so a tool that prompts gets EOF instead of hanging), wall-clock and idle timeouts (null means
 * none), output decoding, and whether its lines are forwarded live.
 */
public record ProcessSpec(
    List<String> argv,
    Path cwd,
    Map<String, String> env,
    String stdin,
    Duration timeout,
    Duration idleTimeout,
    OutputEncoding encoding,
    boolean forwardOutput) {

  public ProcessSpec {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    encoding = encoding == null ? OutputEncoding.AUTO : encoding;
  }

  public static ProcessSpec of(List<String> argv) {
    return new ProcessSpec(argv, null, Map.of(), null, null, null, OutputEncoding.AUTO, true);
  }

  public static ProcessSpec of(String... argv) {
    return of(List.of(argv));
  }

  public ProcessSpec withCwd(Path dir) {
    return new ProcessSpec(argv, dir, env, stdin, timeout, idleTimeout, encoding, forwardOutput);
  }

  public ProcessSpec withEnv(Map<String, String> extra) {
    return new ProcessSpec(argv, cwd, extra, stdin, timeout, idleTimeout, encoding, forwardOutput);
  }

  public ProcessSpec withStdin(String text) {
    return new ProcessSpec(argv, cwd, env, text, timeout, idleTimeout, encoding, forwardOutput);
  }

  public ProcessSpec withTimeout(Duration t) {
    return new ProcessSpec(argv, cwd, env, stdin, t, idleTimeout, encoding, forwardOutput);
  }

  public ProcessSpec withIdleTimeout(Duration t) {
    return new ProcessSpec(argv, cwd, env, stdin, timeout, t, encoding, forwardOutput);
  }

  public ProcessSpec withEncoding(OutputEncoding e) {
    return new ProcessSpec(argv, cwd, env, stdin, timeout, idleTimeout, e, forwardOutput);
  }

  public ProcessSpec withForwardOutput(boolean forward) {
    return new ProcessSpec(argv, cwd, env, stdin, timeout, idleTimeout, encoding, forward);
  }
}
