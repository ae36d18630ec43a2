package servicerunner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What JNA is told before it loads, so that it costs the runner's start little (it is loaded beside the reading of
 * the plan, on a 2-core machine): the libraries are opened by their file name (libc.so.6), so JNA's search path is
 * set empty, which spares the {@code /sbin/ldconfig -p} process it otherwise runs to build it (about 30 ms); and its
 * native library is kept unpacked in the launcher's cache folder (system property {@code servicerunner.cache}, set
 * by {@code runner/service-runner}) instead of unpacked from the jar to a temporary file at every start. Without the
 * property, or when the folder cannot be written, JNA unpacks as usual.
 */
final class JnaSetup {
  private JnaSetup() {}

  static void prepare() {
    if (System.getProperty("jna.platform.library.path") == null) {
      System.setProperty("jna.platform.library.path", "");
    }
    String cache = System.getProperty("servicerunner.cache");
    if (cache == null || System.getProperty("jna.boot.library.path") != null) {
      return;
    }
    try {
      // neither loads JNA's native code: the version is a constant, the prefix is worked out from system properties
      String prefix = com.sun.jna.Platform.RESOURCE_PREFIX; // e.g. linux-x86-64
      Path dir = Path.of(cache, "jna-" + com.sun.jna.Native.VERSION + "-" + prefix);
      Path lib = dir.resolve(System.mapLibraryName("jnidispatch"));
      if (!Files.isRegularFile(lib)) {
        unpack("/com/sun/jna/" + prefix + "/" + lib.getFileName(), dir, lib);
      }
      System.setProperty("jna.boot.library.path", dir.toString());
    } catch (IOException | RuntimeException e) {
      // JNA unpacks it itself
    }
  }

  /** Written beside its place and moved there in one step, so that a run starting meanwhile never loads half. */
  private static void unpack(String resource, Path dir, Path lib) throws IOException {
    try (InputStream in = JnaSetup.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " in the jar");
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "jnidispatch", ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
