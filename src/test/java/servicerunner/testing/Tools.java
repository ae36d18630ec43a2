package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real tools the integration tests use. Under CI=true a missing tool fails the test (runner/test installs them);
 * elsewhere the test is skipped and says why.
 */
public final class Tools {
  private Tools() {}

  public static Path require(String command) {
    Path found = which(command);
    if (found == null) {
      String why = command + " is not installed (runner/test installs it from Debian as root)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      assumeTrue(false, why);
    }
    return found;
  }

  public static Path which(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
