package servicerunner.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A golden raw-output file (GoldenToolOutputTest runs them all) named {@code <case>.rc<exit code>.<encoding>} (e.g. {@code en-clean.rc0.utf16le},
 * {@code restorehealth-en-source-missing.rc-2146498529.cp437}): the tool's exit code and the code page its bytes are
 * in travel with the file, so adding a case stays adding two files.
 */
public record ToolOutputCase(Path path, String name, int exitCode, Charset charset) {
  private static final Pattern NAME = Pattern.compile("^(.+)\\.rc(-?\\d+)\\.([a-z0-9]+)$");

  public static ToolOutputCase of(Path p) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("golden file name must be <case>.rc<exit>.<encoding>: " + p);
    }
    return new ToolOutputCase(p, m.group(1), Integer.parseInt(m.group(2)), charset(m.group(3)));
  }

  public static Charset charset(String ext) {
    switch (ext) {
      case "utf16le":
        return StandardCharsets.UTF_16LE;
      case "utf8":
        return StandardCharsets.UTF_8;
      case "cp437":
        return Charset.forName("IBM437");
      case "cp850":
        return Charset.forName("IBM850");
      case "cp1252":
        return Charset.forName("windows-1252");
      case "cp866":
        return Charset.forName("IBM866");
      default:
        throw new IllegalArgumentException("unknown encoding extension " + ext);
    }
  }

  public byte[] bytes() {
    return Fixtures.bytes(path);
  }

  @Override
  public String toString() {
    return path.getFileName().toString();
  }
}
