package servicerunner.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import servicerunner.io.FileKind;
import servicerunner.json.Json;

/**
 * Reads the app's control file, {@code {"action":"stop|pause|skip|resume","timestamp":...}}, and
 * {@code {"action":"skip","index":i}} for one task of a parallel run. The app writes it with
 * a plain truncate-and-write, so a missing, empty, partial or invalid file means "no signal", never an error. Each
 * write is acted on once: the file's bytes and modification time are remembered, and a consumed skip or resume is
 * deleted (the contract), but only if the file still holds what was read.
 */
public final class ControlFile {
  /**
   * Largest control file read (the app writes about 50 bytes). A larger one, a sparse one, a device, a FIFO or a
   * folder at the path is "no signal", said once through {@code warn}: read whole, such a file exhausted the heap
   * (300 MB, /dev/zero) or blocked the watcher forever (a FIFO without a writer).
   */
  public static final int MAX_BYTES = 64 * 1024;

  private final Path path;
  private final Consumer<String> warn;
  private final Set<String> warned = new HashSet<>();
  private byte[] lastBytes;
  private long lastModified = Long.MIN_VALUE;

  public ControlFile(Path path) {
    this(path, w -> {});
  }

  /** {@code warn} hears each kind of unusable file once per run. */
  public ControlFile(Path path, Consumer<String> warn) {
    this.path = path;
    this.warn = warn;
  }

  public Path path() {
    return path;
  }

  /** The next new command, if the file holds one not seen before. */
  public synchronized Optional<ControlCommand> poll() {
    byte[] bytes;
    long modified;
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      modified = a.lastModifiedTime().toMillis();
      bytes = read(a);
    } catch (NoSuchFileException e) {
      lastBytes = null;
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // locked or being written: try again next poll
    }
    if (bytes == null) {
      return Optional.empty();
    }
    if (bytes.length == 0 || (modified == lastModified && Arrays.equals(bytes, lastBytes))) {
      return Optional.empty();
    }
    Optional<ControlCommand> cmd = parse(bytes);
    if (cmd.isPresent() || looksComplete(bytes)) {
      lastBytes = bytes; // a complete but unusable file is ignored once, a partial one re-read
      lastModified = modified;
    }
    return cmd;
  }

  /**
   * The file's bytes, or null when it is not something to read: only a regular file is opened (opening a FIFO
   * blocks until a writer comes), and at most {@link #MAX_BYTES} are read. (A FIFO put at the path between the
   * check and the open could still block that one open; only a deliberate race does that.)
   */
  private byte[] read(BasicFileAttributes a) throws IOException {
    if (!a.isRegularFile()) {
      warnOnce("kind", "the control file '" + path + "' is " + FileKind.describe(path)
          + ", not a regular file; it is ignored while it is one");
      return null;
    }
    if (a.size() > MAX_BYTES) {
      warnOnce("size", tooLarge(a.size()));
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      warnOnce("size", tooLarge(bytes.length));
      return null;
    }
    return bytes;
  }

  private String tooLarge(long size) {
    return "the control file '" + path + "' holds " + size + " bytes, more than the " + MAX_BYTES
        + " read; it is ignored while it is that large";
  }

  private void warnOnce(String kind, String message) {
    if (warned.add(kind)) {
      try {
        warn.accept(message);
      } catch (RuntimeException ignored) {
        // the log is gone; the file is still ignored
      }
    }
  }

  /** Deletes the file if it still holds the bytes last read (a newer command must not be lost). */
  public synchronized void consume() {
    try {
      byte[] now = lastBytes == null ? null : read(Files.readAttributes(path, BasicFileAttributes.class));
      if (now != null && Arrays.equals(now, lastBytes)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | RuntimeException ignored) {
      // already gone, or locked by the writer: the fingerprint keeps it from being acted on twice
    }
  }

  static Optional<ControlCommand> parse(byte[] bytes) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (n == null || !n.isObject() || !n.path("action").isTextual()) {
      return Optional.empty();
    }
    ControlCommand.Action a;
    switch (n.get("action").asText()) {
      case "stop":
        a = ControlCommand.Action.STOP;
        break;
      case "pause":
        a = ControlCommand.Action.PAUSE;
        break;
      case "skip":
        a = ControlCommand.Action.SKIP;
        break;
      case "resume":
        a = ControlCommand.Action.RESUME;
        break;
      default:
        return Optional.empty();
    }
    JsonNode index = n.path("index");
    // an index that is not a whole number of the plan is no command at all: skipping the current task instead
    // would end what the user did not name
    if (a == ControlCommand.Action.SKIP && !index.isMissingNode() && !index.isNull()
        && (!index.canConvertToInt() || !index.isIntegralNumber() || index.asInt() < 0)) {
      return Optional.empty();
    }
    Integer i = a == ControlCommand.Action.SKIP && index.canConvertToInt() && index.isIntegralNumber() ? index.asInt() : null;
    return Optional.of(new ControlCommand(a, n.path("force").asBoolean(false), i));
  }

  private static boolean looksComplete(byte[] bytes) {
    String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
    return s.endsWith("}");
  }
}
