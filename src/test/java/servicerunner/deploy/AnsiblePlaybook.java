package servicerunner.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import servicerunner.testing.Fixtures;
import servicerunner.testing.Tools;

/**
 * Runs ansible-playbook on this machine with a configuration of its own: no ansible.cfg of the user or the
 * working folder, temp and async folders under the test's folder, no colours, so the output can be read.
 */
final class AnsiblePlaybook {
  private final Path work;
  private final List<String> args = new ArrayList<>();

  AnsiblePlaybook(Path work) {
    this.work = work;
  }

  static Path binary() {
    return Tools.require("ansible-playbook");
  }

  /** The project's deploy/ansible folder (fixtures/ sits beside it in the project root). */
  static Path deployDir() {
    return Fixtures.root().getParent().resolve("deploy").resolve("ansible");
  }

  AnsiblePlaybook args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  Result run() throws IOException, InterruptedException {
    Path cfg = work.resolve("ansible.cfg");
    Files.writeString(cfg, "[defaults]\n");
    Path log = work.resolve("ansible-playbook.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("ANSIBLE_CONFIG", cfg.toString());
    env.put("ANSIBLE_NOCOLOR", "1");
    env.put("ANSIBLE_FORCE_COLOR", "0");
    env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
    env.put("ANSIBLE_HOST_KEY_CHECKING", "0");
    // One process per module instead of a copy, a chmod and a cleanup: a third of the CPU on this shared machine.
    env.put("ANSIBLE_PIPELINING", "1");
    env.put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-local").toString());
    env.put("ANSIBLE_REMOTE_TMP", work.resolve("ansible-remote").toString());
    env.put("ANSIBLE_ASYNC_DIR", work.resolve("ansible-async").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    // A guard against a hang, not a performance bound.
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("ansible-playbook did not end within 20 minutes:\n" + Files.readString(log));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), took);
  }

  record Result(int exitCode, String output, Duration took) {
    /** The output's last lines, for assertion messages. */
    String tail() {
      String[] lines = output.split("\n");
      int from = Math.max(0, lines.length - 60);
      return String.join("\n", List.of(lines).subList(from, lines.length));
    }
  }
}
