package servicerunner.task.bleachbit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which program to start. On Windows {@code bleachbit.exe} is the GUI build: its console twin
 * {@code bleachbit_console.exe} sits in the same folder and is the one that writes to a pipe, so the reference (and
 * this runner) switch to it when it exists. A folder is accepted too (portable installs).
 */
final class BleachbitExecutable {
  private BleachbitExecutable() {}

  static final String CONSOLE_EXE = "bleachbit_console.exe";
  static final String GUI_EXE = "bleachbit.exe";

  /** The argv[0] for a configured path (null: the platform default, found on PATH). */
  static String resolve(String configured, boolean windows) {
    if (configured == null || configured.isBlank()) {
      return windows ? CONSOLE_EXE : "bleachbit";
    }
    Path p = Path.of(configured);
    if (Files.isDirectory(p)) {
      for (String name : new String[] {CONSOLE_EXE, GUI_EXE, "bleachbit"}) {
        if (Files.isRegularFile(p.resolve(name))) {
          return p.resolve(name).toString();
        }
      }
      return p.resolve(windows ? CONSOLE_EXE : "bleachbit").toString();
    }
    Path name = p.getFileName();
    if (name != null && name.toString().toLowerCase(Locale.ROOT).equals(GUI_EXE)) {
      Path console = p.resolveSibling(CONSOLE_EXE);
      if (Files.isRegularFile(console)) {
        return console.toString();
      }
    }
    return configured;
  }
}
