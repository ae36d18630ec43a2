package servicerunner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import servicerunner.io.FileKind;

/**
 * Checks the files a run will write before anything starts. A device node, FIFO or folder (or a link to one) is
 * never a target: the report's rename would replace it, and opening a FIFO for the log would block. Two options
 * naming the same file, or an output naming the plan, would destroy one with the other (the plan overwritten by
 * the report, the journal by the report, the plan appended to by the log before it is read).
 */
final class OutputTargets {
  private OutputTargets() {}

  private record Named(String option, Path path, boolean written) {}

  private final List<Named> all = new ArrayList<>();

  static OutputTargets of() {
    return new OutputTargets();
  }

  /** A file the run writes (the report, journal, log, HTML, JUnit). Null is skipped. */
  OutputTargets written(String option, Path p) {
    if (p != null) {
      all.add(new Named(option, p, true));
    }
    return this;
  }

  /** A file the run reads and must not be written by another option (the plan file, the control file). */
  OutputTargets read(String what, Path p) {
    if (p != null) {
      all.add(new Named(what, p, false));
    }
    return this;
  }

  /** The first problem, as the text after "Usage error: ", or empty when every target is usable. */
  Optional<String> problem() {
    for (Named n : all) {
      if (n.written() && FileKind.isSpecial(n.path())) {
        return Optional.of(n.option() + " '" + n.path() + "' is " + FileKind.describe(n.path())
            + "; give the path of a regular file");
      }
    }
    Map<Path, Named> seen = new LinkedHashMap<>();
    for (Named n : all) {
      Named before = seen.putIfAbsent(key(n.path()), n);
      if (before != null && (before.written() || n.written())) {
        return Optional.of(before.option() + " and " + n.option() + " name the same file '" + n.path()
            + "'; give each its own path");
      }
    }
    return Optional.empty();
  }

  /**
   * One spelling per file: links, "..", relative paths and (where the file system ignores it) letter case are
   * resolved through the file system for what exists, and through the real parent folder for what does not yet.
   */
  static Path key(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException | RuntimeException notThere) {
      Path parent = abs.getParent();
      if (parent != null && abs.getFileName() != null) {
        try {
          return parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException | RuntimeException e) {
          // the folder does not exist either: the spelling is all there is
        }
      }
      return abs;
    }
  }

  /** The plan argument as a file path, when it names an existing file (not inline JSON, not stdin). */
  static Path planFile(String plan) {
    if (plan == null || "-".equals(plan)) {
      return null;
    }
    try {
      Path p = Path.of(plan);
      return Files.exists(p) ? p : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
