package servicerunner.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds argv[0] before launching, so "not installed" is a clear launch failure and not an exit code from a wrapper,
 * and tells an executable that is not there ({@link Termination#NOT_FOUND}) from one that is there but cannot run.
 */
public final class ExecutableResolver {
  private ExecutableResolver() {}

  /**
   * Where each bare name was last found on PATH. A long PATH costs a failed stat per folder before the hit (eight
   * here for {@code true}), for every task; the remembered file is checked again instead, and the search runs again
   * when it is gone. A tool installed during the run into an earlier PATH folder than the one found is not noticed.
   */
  private static final Map<String, Path> FOUND_ON_PATH = new ConcurrentHashMap<>();

  /** The executable's path, or empty when it cannot be found or run. Relative names with a slash use {@code cwd}. */
  public static Optional<Path> resolve(String name, Path cwd) {
    boolean windows = Platform.current().isWindows();
    Path known = FOUND_ON_PATH.get(name);
    if (known != null && runnable(known, windows)) {
      return Optional.of(known);
    }
    Optional<Path> found = candidates(name, cwd, windows).filter(p -> runnable(p, windows)).findFirst();
    if (found.isPresent() && !isPath(name, windows)) {
      FOUND_ON_PATH.put(name, found.get());
    }
    return found;
  }

  private static boolean runnable(Path p, boolean windows) {
    return Files.isRegularFile(p) && (windows || Files.isExecutable(p));
  }

  /** Whether anything by that name is there (runnable or not): when not, the executable is missing, not broken. */
  public static boolean isThere(String name, Path cwd) {
    return candidates(name, cwd, Platform.current().isWindows()).anyMatch(Files::exists);
  }

  /** The sentence for a name {@link #isThere} did not find, naming what was looked for. */
  public static String missing(String name) {
    if (name.isEmpty()) {
      return "the executable's name is empty";
    }
    return isPath(name, Platform.current().isWindows()) ? name + " does not exist" : name + " is not on PATH";
  }

  /** The files argv[0] may name, in the order they are tried: the path itself, or the name in each PATH folder. */
  private static Stream<Path> candidates(String name, Path cwd, boolean windows) {
    if (name.isEmpty()) {
      return Stream.empty();
    }
    if (isPath(name, windows)) {
      Path p = Path.of(name);
      return withExtensions(!p.isAbsolute() && cwd != null ? cwd.resolve(p) : p, windows);
    }
    String path = System.getenv(windows ? pathVarName() : "PATH");
    if (path == null) {
      return Stream.empty();
    }
    return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .flatMap(dir -> withExtensions(Path.of(dir).resolve(name), windows));
  }

  private static boolean isPath(String name, boolean windows) {
    return name.contains("/") || (windows && name.contains("\\"));
  }

  /** On Windows a name may leave out its extension: {@code PATHEXT} lists the ones tried after the name as given. */
  private static Stream<Path> withExtensions(Path p, boolean windows) {
    if (!windows) {
      return Stream.of(p);
    }
    String exts = System.getenv().getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD");
    return Stream.concat(Stream.of(p), Stream.of(exts.split(";")).filter(ext -> !ext.isEmpty())
        .map(ext -> Path.of(p + ext.toLowerCase(Locale.ROOT))));
  }

  private static String pathVarName() {
    return System.getenv().keySet().stream().filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("PATH");
  }
}
