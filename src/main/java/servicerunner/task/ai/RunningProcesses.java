package servicerunner.task.ai;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Names of the running programs (file name of each process's executable, lower case, without .exe). */
final class RunningProcesses {
  private RunningProcesses() {}

  static Set<String> names() {
    Set<String> out = new HashSet<>();
    ProcessHandle.allProcesses().forEach(ph -> ph.info().command().ifPresent(c -> out.add(normalise(c))));
    return out;
  }

  static String normalise(String command) {
    String fn;
    try {
      Path p = Path.of(command).getFileName();
      fn = p == null ? command : p.toString();
    } catch (RuntimeException e) {
      fn = command;
    }
    // Windows paths seen from any host
    int bs = fn.lastIndexOf('\\');
    if (bs >= 0) {
      fn = fn.substring(bs + 1);
    }
    fn = fn.toLowerCase(Locale.ROOT);
    return fn.endsWith(".exe") ? fn.substring(0, fn.length() - 4) : fn;
  }
}
