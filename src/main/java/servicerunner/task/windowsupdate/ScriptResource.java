package servicerunner.task.windowsupdate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads a PowerShell template shipped in the jar and fills its {@code __NAME__} placeholders. */
final class ScriptResource {
  private ScriptResource() {}

  static String load(String name, Map<String, String> values) {
    try (InputStream in = ScriptResource.class.getResourceAsStream(name)) {
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

  static String bool(boolean b) {
    return b ? "$true" : "$false";
  }
}
