package servicerunner.task.wintools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import servicerunner.exec.ProcessSpec;
import servicerunner.param.Params;
import servicerunner.task.ToolNotFoundException;

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

  /** The plan's required executable_path resolved by {@link #executable}, or the task's not-found failure. */
  public static Path require(Params p, String... namesInFolder) throws ToolNotFoundException {
    String given = p.string("executable_path");
    return executable(given, namesInFolder).orElseThrow(() -> new ToolNotFoundException("executable_path: " + given
        + " is not a file" + (namesInFolder.length == 0 ? "" : " nor a folder containing "
        + String.join(" or ", namesInFolder))));
  }

  /** The path made absolute against the runner's cwd and normalised. */
  public static Path absolute(String given) {
    return Path.of(given).toAbsolutePath().normalize();
  }

  /** The tool's argv (exe, then args) run from the tool's own folder, where these tools look for their files. */
  public static ProcessSpec inToolFolder(Path exe, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(exe.toString());
    argv.addAll(args);
    return ProcessSpec.of(argv).withCwd(exe.getParent());
  }

  /** A failed preparation of a path the plan named, worded with the parameter so the technician knows what to fix. */
  public static IOException cannotPrepare(String param, Path path, IOException cause) {
    return new IOException(param + ": cannot prepare " + path + ": " + cause.getMessage(), cause);
  }
}
