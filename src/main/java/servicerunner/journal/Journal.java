package servicerunner.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import servicerunner.json.Json;
import servicerunner.report.ResultJson;
import servicerunner.run.Ending;
import servicerunner.run.Progress;
import servicerunner.run.RunObserver;
import servicerunner.run.TaskResult;
import servicerunner.task.Status;

/**
 * The resume journal: one JSON line per finished task, {@code {"plan_digest":…,"index":i,"result":{…}}}, appended
 * and fsynced as soon as the task ends, so that a reboot asked for by sfc/DISM/chkdsk or a power cut loses at most
 * the task that was running. Tasks ended by a stop, a signal or a closed output are not "finished" and are not
 * written: a resumed run runs them again.
 */
public final class Journal {
  private Journal() {}

  /** A journal that cannot be used for this plan (other plan, unreadable file). */
  public static final class JournalException extends Exception {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
      super(message);
    }
  }

  /** What the journal holds for this plan: finished results by plan index, and lines that were ignored. */
  public record Loaded(Map<Integer, Ending.Resumed> results, List<String> warnings) {}

  /**
   * Reads the journal for a resume. A missing or empty file means nothing finished yet. An unparsable line is a
   * write cut short by a crash and is ignored; a line from another plan refuses the whole journal.
   */
  public static Loaded load(Path path, String planDigest, List<String> planTypes) throws JournalException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return new Loaded(Map.of(), List.of());
    } catch (IOException e) {
      throw new JournalException("cannot read the journal '" + path + "': " + e.getMessage());
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    Map<Integer, Ending.Resumed> results = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.mapper().readTree(line);
      } catch (IOException | RuntimeException e) {
        node = null;
      }
      if (node == null || !node.isObject() || !node.path("result").isObject() || !node.path("index").canConvertToInt()) {
        // a write cut short by a crash; after a resume it is no longer the last line (the writer starts a fresh one)
        warnings.add("journal line " + (n + 1) + " is incomplete (a write cut short by a crash) and was ignored");
        continue;
      }
      String digest = node.path("plan_digest").asText("");
      if (!digest.equals(planDigest)) {
        throw new JournalException("journal '" + path + "' belongs to a different plan (plan digest "
            + shortDigest(digest) + ", this plan " + shortDigest(planDigest) + "); run without --resume to start"
            + " over, or give the plan the journal was written for");
      }
      int index = node.get("index").asInt();
      ObjectNode result = (ObjectNode) node.get("result");
      if (index < 0 || index >= planTypes.size() || !planTypes.get(index).equals(result.path("task_type").asText())) {
        throw new JournalException("journal '" + path + "' line " + (n + 1) + " names task " + index
            + " which this plan does not have");
      }
      Status status = statusOf(result.path("status").asText(""));
      if (status == null) {
        // not a result this runner writes (edited by hand, or a newer runner's status): run that task again
        warnings.add("journal line " + (n + 1) + " has an unknown status '" + result.path("status").asText("")
            + "'; task " + index + " runs again");
        continue;
      }
      // the reason is written beside the result (journals of older runners: the summary's reason or error)
      JsonNode reason = node.path("reason").isTextual() ? node.get("reason")
          : result.path("summary").path("reason").isTextual() ? result.path("summary").get("reason")
          : result.path("summary").path("error");
      results.put(index, new Ending.Resumed(result, status, reason.isTextual() ? reason.asText()
          : status.isFailure() || status == Status.SKIPPED ? "Task reported " + status.id() : null));
    }
    return new Loaded(results, warnings);
  }

  private static Status statusOf(String id) {
    for (Status s : Status.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private static String shortDigest(String d) {
    return d.isEmpty() ? "missing" : d.substring(0, Math.min(12, d.length()));
  }

  /** Appends finished results, one fsynced line each. */
  public static final class Writer implements RunObserver, AutoCloseable {
    private final FileChannel channel;
    private final String planDigest;

    private Writer(FileChannel channel, String planDigest) {
      this.channel = channel;
      this.planDigest = planDigest;
    }

    /** Opens the journal: appended to when resuming, started empty otherwise. */
    public static Writer open(Path path, String planDigest, boolean append) throws IOException {
      Path abs = path.toAbsolutePath();
      Files.createDirectories(abs.getParent());
      FileChannel ch = append
          ? FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
          : FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      if (append) {
        endTornLine(abs, ch);
      }
      return new Writer(ch, planDigest);
    }

    /** A torn last line must not swallow the next entry: start on a fresh line. */
    private static void endTornLine(Path path, FileChannel ch) throws IOException {
      long size = ch.size();
      if (size == 0) {
        return;
      }
      try (FileChannel r = FileChannel.open(path, StandardOpenOption.READ)) {
        ByteBuffer b = ByteBuffer.allocate(1);
        r.read(b, size - 1);
        if (b.get(0) != '\n') {
          write(ch, "\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    @Override
    public void taskFinished(TaskResult result, Progress progress) {
      append(result);
    }

    @Override
    public void taskSkipped(TaskResult result, Progress progress, boolean withProgress) {
      append(result);
    }

    private synchronized void append(TaskResult r) {
      if (!r.isFinal()) {
        return;
      }
      ObjectNode line = Json.object();
      line.put("plan_digest", planDigest);
      line.put("index", r.index());
      if (r.reason() != null) {
        line.put("reason", r.reason());
      }
      line.set("result", ResultJson.of(r));
      try {
        write(channel, (Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.force(true);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static void write(FileChannel ch, byte[] bytes) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }

    @Override
    public synchronized void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // every line was already forced to disk
      }
    }
  }
}
