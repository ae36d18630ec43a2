package servicerunner.task.wintools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a plan's executable_path: a file, or a folder holding one of the tool's usual file names. Relative paths
 * resolve against the runner's cwd and come back absolute, because these tools run with cwd = their own folder and
 * the app sends relative paths such as {@code ..\data\programs\...} (protocol bug B24).
 */
public final class ToolPaths {
  private ToolPaths() {}

  public static Optional<Path> executable(String given, String... namesInFolder) {
    Path p = absolute(given);
    if (Files.isDirectory(p)) {
      for (String name : namesInFolder) {
        Path c = p.resolve(name);
        if (Files.isRegularFile(c)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** The path made absolute against the runner's cwd and normalised. */
  public static Path absolute(String given) {
    return Path.of(given).toAbsolutePath().normalize();
  }

  /** The error text when {@link #executable} found nothing. */
  /** The tool's argv (exe, then args) run from the tool's own folder, where these tools look for their files. */
  public static servicerunner.exec.ProcessSpec inToolFolder(Path exe, java.util.List<String> args) {
    java.util.List<String> argv = new java.util.ArrayList<>();
    argv.add(exe.toString());
    argv.addAll(args);
    return servicerunner.exec.ProcessSpec.of(argv).withCwd(exe.getParent());
  }

  public static String notFound(String given, String... namesInFolder) {
    return "executable_path: " + given + " is not a file"
        + (namesInFolder.length == 0 ? "" : " nor a folder containing " + String.join(" or ", namesInFolder));
  }
}
