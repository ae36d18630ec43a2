package servicerunner.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import servicerunner.exec.LineDecoder;
import servicerunner.exec.OutputEncoding;
import servicerunner.json.Json;
import servicerunner.param.Params;
import servicerunner.testing.Fixtures;
import servicerunner.testing.ToolOutputCase;

/**
 * Progress goldens beside the parser goldens (GoldenToolOutputTest): every raw case of a type with a progress parser
 * has {@code <case>.rc<exit>.progress.json}, the TASK_PROGRESS objects a replay gives: the bytes decoded as the live
 * runner does (exec/LineDecoder, bare-CR redraws split), one line every {@link #LINE_GAP} on a manual clock, through
 * the type's parser, the throttle and the heartbeat. The same bytes fed in small reads (a UTF-16 unit, a CR and its
 * LF split between reads) must give the same events. -Dgolden.update=true (re)writes the files for review.
 */
class ProgressGoldenTest {
  static final Duration LINE_GAP = Duration.ofMillis(200);
  static final String SUFFIX = ".progress.json";
  private static final int[] READS = {1, 2, 3, 5, 7, 11, 13};

  /** A type's replay: its parser for a case, and the command line of the one process the case is. */
  record Replay(Function<ToolOutputCase, ProgressParser> parser, Function<ToolOutputCase, List<String>> argv) {}

  static final Map<String, Replay> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("sfc_scan", new Replay(c -> SfcProgress.SOURCE.parser(params()), c -> List.of("sfc", "/scannow")));
    TYPES.put("dism_health_check", new Replay(
        c -> DismProgress.SOURCE.parser(params("actions", Json.array().add(prefix(c)))),
        c -> List.of("dism", "/Online", "/Cleanup-Image", "/" + prefix(c))));
    TYPES.put("chkdsk_scan", new Replay(c -> ChkdskProgress.SOURCE.parser(params()), c -> List.of("chkdsk", "C:")));
    TYPES.put("ping_test", new Replay(c -> PingProgress.SOURCE.parser(params("count",
        Json.NODES.numberNode(sent(c)))), c -> List.of("ping", "-n", Integer.toString(sent(c)), "host")));
    TYPES.put("winsat_disk", new Replay(c -> WinsatProgress.SOURCE.parser(params("test_mode",
        Json.NODES.textNode(prefix(c)))), c -> List.of("winsat", "disk")));
    TYPES.put("windows_update", new Replay(c -> WindowsUpdateProgress.SOURCE.parser(params()),
        c -> List.of("powershell", "-File", "windows_update.ps1")));
  }

  static Params params(Object... kv) {
    ObjectNode o = Json.object();
    for (int i = 0; i < kv.length; i += 2) {
      o.set((String) kv[i], (JsonNode) kv[i + 1]);
    }
    return new Params(o);
  }

  /** The echo requests a ping transcript asked for, from its summary ("Sent = 4", "4 packets transmitted"). */
  static int sent(ToolOutputCase c) {
    String text = new String(Fixtures.bytes(c.path()), c.charset());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:= |^)(\\d+)(?:,| packets transmitted)",
        java.util.regex.Pattern.MULTILINE).matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 4;
  }

  static String prefix(ToolOutputCase c) {
    return c.name().substring(0, c.name().indexOf('-'));
  }

  @TestFactory
  Stream<DynamicNode> progressGoldens() {
    return TYPES.entrySet().stream().map(e -> dynamicContainer(e.getKey(), Stream.concat(
        Stream.of(dynamicTest("every raw case has its progress golden and the reverse", () -> assertPaired(e.getKey()))),
        cases(e.getKey()).stream().map(c -> dynamicContainer(c.path().getFileName().toString(), Stream.of(
            dynamicTest("golden", () -> Fixtures.assertMatchesFile(golden(c), replay(e.getValue(), c, 0))),
            dynamicTest("split across reads", () -> assertEquals(replay(e.getValue(), c, 0),
                replay(e.getValue(), c, 1), "the same events whatever the read sizes"))))))));
  }

  /** The events of one replay; {@code split} 0 feeds the bytes at once, 1 in reads of 1, 2, 3, 5, ... bytes. */
  static ArrayNode replay(Replay r, ToolOutputCase c, int split) {
    ManualScheduler clock = new ManualScheduler();
    ArrayNode out = Json.array();
    TaskProgress p = new TaskProgress(r.parser().apply(c), Duration.ofSeconds(15), clock, e -> out.add(e.toJson()),
        h -> null);
    p.processStarted(ProcessHandle.current(), r.argv().apply(c));
    LineDecoder d = new LineDecoder(OutputEncoding.parse(c.charset().name()), line -> {
      clock.advance(LINE_GAP);
      p.line(line);
    });
    byte[] b = Fixtures.bytes(c.path());
    int off = 0;
    for (int i = 0; off < b.length; i++) {
      int n = split == 0 ? b.length : Math.min(READS[i % READS.length], b.length - off);
      d.feed(b, off, n);
      off += n;
    }
    d.finish();
    p.processEnded();
    p.close();
    return out;
  }

  private static Path golden(ToolOutputCase c) {
    String f = c.path().getFileName().toString();
    return c.path().resolveSibling(f.substring(0, f.lastIndexOf('.')) + SUFFIX);
  }

  private static List<ToolOutputCase> cases(String type) {
    try (Stream<Path> s = Files.list(Fixtures.path("tool-output", type))) {
      return s.filter(p -> p.getFileName().toString().matches("^.+\\.rc-?\\d+\\.[a-z0-9]+$")).sorted()
          .map(ToolOutputCase::of).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertPaired(String type) throws IOException {
    Set<String> raw = new TreeSet<>();
    cases(type).forEach(c -> raw.add(golden(c).getFileName().toString()));
    Set<String> goldens = new TreeSet<>();
    try (Stream<Path> s = Files.list(Fixtures.path("tool-output", type))) {
      s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(SUFFIX)).forEach(goldens::add);
    }
    if (!Boolean.getBoolean("golden.update")) {
      assertEquals(raw, goldens, type + ": a raw case without its " + SUFFIX + " or the reverse");
    }
  }

}
