package servicerunner.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds argv[0] before launching, so "not installed" is a clear launch failure and not an exit code from a wrapper.
 */
public final class ExecutableResolver {
  private ExecutableResolver() {}

  /** The executable's path, or empty when it cannot be found or run. Relative names with a slash use {@code cwd}. */
  public static Optional<Path> resolve(String name, Path cwd) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    boolean windows = Platform.current().isWindows();
    if (name.contains("/") || (windows && name.contains("\\"))) {
      Path p = Path.of(name);
      if (!p.isAbsolute() && cwd != null) {
        p = cwd.resolve(p);
      }
      return runnable(p, windows);
    }
    String path = System.getenv(windows ? pathVarName() : "PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Optional<Path> hit = runnable(Path.of(dir).resolve(name), windows);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> runnable(Path p, boolean windows) {
    if (windows) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
      String exts = System.getenv().getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD");
      for (String ext : exts.split(";")) {
        Path withExt = Path.of(p + ext.toLowerCase(java.util.Locale.ROOT));
        if (!ext.isEmpty() && Files.isRegularFile(withExt)) {
          return Optional.of(withExt);
        }
      }
      return Optional.empty();
    }
    return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }

  private static String pathVarName() {
    return System.getenv().keySet().stream().filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("PATH");
  }
}
