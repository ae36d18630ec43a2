package servicerunner.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import servicerunner.json.Json;

/**
 * Reads the app's control file, {@code {"action":"stop|pause|skip|resume","timestamp":...}}. The app writes it with
 * a plain truncate-and-write, so a missing, empty, partial or invalid file means "no signal", never an error. Each
 * write is acted on once: the file's bytes and modification time are remembered, and a consumed skip or resume is
 * deleted (the contract), but only if the file still holds what was read.
 */
public final class ControlFile {
  private final Path path;
  private byte[] lastBytes;
  private long lastModified = Long.MIN_VALUE;

  public ControlFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** The next new command, if the file holds one not seen before. */
  public synchronized Optional<ControlCommand> poll() {
    byte[] bytes;
    long modified;
    try {
      modified = Files.getLastModifiedTime(path).toMillis();
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      lastBytes = null;
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // locked or being written: try again next poll
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

  /** Deletes the file if it still holds the bytes last read (a newer command must not be lost). */
  public synchronized void consume() {
    try {
      if (lastBytes != null && Arrays.equals(Files.readAllBytes(path), lastBytes)) {
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
    return Optional.of(new ControlCommand(a, n.path("force").asBoolean(false)));
  }

  private static boolean looksComplete(byte[] bytes) {
    String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
    return s.endsWith("}");
  }
}
