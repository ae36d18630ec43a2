package servicerunner.task.ai;

import java.util.Locale;

/**
 * A cheap publisher guess from a startup command: programs under the Windows folder are Microsoft's. Reading
 * Authenticode signatures needs Windows APIs; like the reference, this only looks at the path, so
 * {@code is_microsoft_signed} means "lives in the Windows folder", not a verified signature.
 */
final class Publisher {
  private Publisher() {}

  static boolean isWindowsPath(String command, String windir) {
    String exe = executable(command).toLowerCase(Locale.ROOT);
    String w = windir.toLowerCase(Locale.ROOT);
    return exe.startsWith("%windir%\\") || exe.startsWith("%systemroot%\\") || exe.startsWith(w + "\\")
        || exe.startsWith("c:\\windows\\");
  }

  /** "Microsoft Corporation" for Windows-folder programs, else null (unknown). */
  static String guess(String command, String windir) {
    return isWindowsPath(command, windir) ? "Microsoft Corporation" : null;
  }

  /** The program part of a command line: the quoted path, or everything up to the first space. */
  static String executable(String command) {
    String c = command.strip();
    if (c.startsWith("\"")) {
      int end = c.indexOf('"', 1);
      return end > 0 ? c.substring(1, end) : c.substring(1);
    }
    int sp = c.indexOf(' ');
    return sp > 0 ? c.substring(0, sp) : c;
  }
}
