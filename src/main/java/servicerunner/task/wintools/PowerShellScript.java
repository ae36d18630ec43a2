package servicerunner.task.wintools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated script into the task's scratch folder and builds the argv that runs it. The script is ASCII
 * (written as UTF-8 without BOM, which Windows PowerShell 5.1 reads correctly for ASCII content).
 */
public final class PowerShellScript {
  private PowerShellScript() {}

  public static final String DEFAULT_EXE = "powershell.exe";

  public static Path write(Path scratchDir, String fileName, String script) throws IOException {
    Path ps1 = scratchDir.resolve(fileName);
    Files.writeString(ps1, script, StandardCharsets.UTF_8);
    return ps1;
  }

  /**
   * Writes the script into the task's scratch folder and returns the spec that runs it with powershell.exe (or the
   * plan's executable_path). The scripts switch the console to UTF-8, so their output is read as UTF-8.
   */
  public static servicerunner.exec.ProcessSpec spec(
      servicerunner.task.TaskContext ctx, String fileName, String script) throws IOException {
    Path ps1 = write(ctx.scratchDir(), fileName, script);
    String exe = ctx.params().optString("executable_path").orElse(DEFAULT_EXE);
    return servicerunner.exec.ProcessSpec.of(argv(exe, ps1)).withEncoding(servicerunner.exec.OutputEncoding.UTF8);
  }

  /** {@code <exe> -NoProfile -ExecutionPolicy Bypass -File <ps1>}; exe is powershell.exe or the plan's override. */
  public static List<String> argv(String exe, Path ps1) {
    return List.of(exe, "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", ps1.toString());
  }

  /** A script template shipped in the jar beside {@code owner}, its {@code __NAME__} placeholders filled. */
  public static String template(Class<?> owner, String name, Map<String, String> values) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("script " + name + " missing from the jar");
      }
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : values.entrySet()) {
        s = s.replace("__" + e.getKey() + "__", e.getValue());
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PowerShell boolean literal. */
  public static String bool(boolean b) {
    return b ? "$true" : "$false";
  }

  /** A PowerShell single-quoted string literal. */
  public static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
