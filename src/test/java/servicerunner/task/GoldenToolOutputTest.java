package servicerunner.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import servicerunner.exec.Decoding;
import servicerunner.json.Json;
import servicerunner.task.adwcleaner.AdwCleanerLogParser;
import servicerunner.task.ai.AiGolden;
import servicerunner.task.battery.BatteryGolden;
import servicerunner.task.bleachbit.BleachbitOutputParser;
import servicerunner.task.chkdsk.ChkdskOutputParser;
import servicerunner.task.diskspace.MountTable;
import servicerunner.task.dism.DismStepParser;
import servicerunner.task.dism.DismSummary;
import servicerunner.task.drivecleanup.DriveCleanupOutputParser;
import servicerunner.task.furmark.FurmarkReportParser;
import servicerunner.task.iperf.IperfResultParser;
import servicerunner.task.kvrt.KvrtOutputParser;
import servicerunner.task.ping.PingOutputParser;
import servicerunner.task.sfc.SfcOutputParser;
import servicerunner.task.smartctl.SmartctlGolden;
import servicerunner.task.speedtest.SpeedtestResultParser;
import servicerunner.task.stinger.StingerReportParser;
import servicerunner.task.systemrestore.RestorePointOutputParser;
import servicerunner.task.whynotwin11.WhyNotWin11CsvParser;
import servicerunner.task.windowsupdate.WindowsUpdateLogsReport;
import servicerunner.task.windowsupdate.WindowsUpdateReport;
import servicerunner.task.winsat.WinsatOutputParser;
import servicerunner.testing.Fixtures;
import servicerunner.testing.ToolOutputCase;

/**
 * The one golden runner (google-java-format's testdata, STYLE.md): every {@code fixtures/tool-output/<type>/}
 * holds raw tool output named {@code <case>.rc<exit>.<encoding>} (the exit code the tool gave with it and the code
 * page its bytes are in; {@code .tree}: a folder the type reads itself, rc0) beside
 * {@code <case>.rc<exit>.expected.json}. Adding a case is adding two files; a new type adds one line to
 * {@link #TYPES}. For text that a parser splits into lines, the same case also runs with LF,
 * CRLF and (where the tool does not redraw progress with bare CR) CR line ends ({@link Ends}) and must give the same
 * result, up to the line ends inside echoed text. A raw file without its expected file, or the reverse, fails.
 * Run with -Dgolden.update=true to (re)write the expected files, then review the diff.
 */
class GoldenToolOutputTest {

  /**
   * Which line ends a type's text may come with: none for output that is not split into lines (JSON), LF and
   * CRLF for tools that redraw progress with bare CR (a bare CR there is not a line end), else LF, CRLF and CR.
   */
  enum Ends { NONE, LF_CRLF, ALL }

  /** One type's entry: the line ends its output may have, and the parse from a case to what the golden file holds. */
  record Golden(Ends ends, Function<Case, JsonNode> parse) {}

  /**
   * One raw output: its file, the parts of its name, and its bytes (a line-end variant's own bytes). A {@code .tree}
   * case is a folder of files a type reads itself (sysfs): no bytes, its {@code path} is the input.
   */
  record Case(String file, String name, int exitCode, Charset charset, byte[] bytes, Path path) {
    /** What a parser of live output gets: the runner's sniffing, with the case's code page as the fallback. */
    String text() {
      return Decoding.decode(bytes, Decoding.sniff(bytes, bytes.length, charset));
    }

    /** What a task decoding with {@code auto} gets (BOM, UTF-16LE pattern, else UTF-8). */
    String auto() {
      return Decoding.decodeAuto(bytes);
    }

    boolean isTree() {
      return file.endsWith(TREE);
    }

    /**
     * The first dash-separated word of the case name, where a type keys its mode or source on it (readonly-,
     * scanhealth-, stderr-, cim-).
     */
    String prefix() {
      return name.substring(0, name.indexOf('-'));
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static final Map<String, Golden> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("ai_browser_notification_disable", new Golden(Ends.NONE, c -> AiGolden.allowedSites(c.bytes())));
    TYPES.put("ai_startup_disable", new Golden(Ends.ALL, c -> AiGolden.regValues(c.auto())));
    TYPES.put("adwcleaner_clean", new Golden(Ends.ALL, c -> AdwCleanerLogParser.parse(c.auto())));
    TYPES.put("battery_health_report", new Golden(Ends.ALL, c -> BatteryGolden.parse(c.prefix(), c.auto(), c.path())));
    TYPES.put("bleachbit_clean", new Golden(Ends.ALL, c -> BleachbitOutputParser.parse(c.auto())));
    TYPES.put("chkdsk_scan", new Golden(Ends.LF_CRLF, c -> outcome(ChkdskOutputParser.parse(c.bytes(), c.charset(),
        c.exitCode(), new ChkdskOutputParser.Request("C:", chkdskMode(c.prefix()), c.name().contains("scheduled"))))));
    TYPES.put("disk_space_report", new Golden(Ends.ALL, c -> mounts(c.text())));
    TYPES.put("dism_health_check", new Golden(Ends.LF_CRLF, c -> outcome(DismSummary.combine(List.of(
        DismStepParser.parse(c.prefix(), c.bytes(), c.charset(), c.exitCode()))))));
    TYPES.put("drivecleanup_clean", new Golden(Ends.ALL, c -> DriveCleanupOutputParser.parse(c.auto(), 200)));
    TYPES.put("furmark_stress_test", new Golden(Ends.ALL, c -> FurmarkReportParser.parse(c.auto())));
    TYPES.put("iperf_test", new Golden(Ends.NONE, c -> IperfResultParser.parse(c.auto(), "", c.exitCode(),
        IperfResultParser.Options.DEFAULT)));
    TYPES.put("kvrt_scan", new Golden(Ends.ALL, c -> KvrtOutputParser.parse(c.auto())));
    TYPES.put("ping_test", new Golden(Ends.ALL,
        c -> PingOutputParser.parse(PingOutputParser.decode(c.bytes(), c.charset()), null)));
    TYPES.put("sfc_scan", new Golden(Ends.LF_CRLF, c -> outcome(SfcOutputParser.parse(c.bytes(), new byte[0],
        c.exitCode(), c.name().contains("verifyonly")))));
    TYPES.put("smartctl_report", new Golden(Ends.NONE, c -> SmartctlGolden.parse(c.name(), c.text())));
    TYPES.put("speedtest", new Golden(Ends.ALL, c -> c.prefix().equals("stderr")
        ? SpeedtestResultParser.parse("", c.auto(), c.exitCode()) : SpeedtestResultParser.parse(c.auto(), "", c.exitCode())));
    TYPES.put("system_restore", new Golden(Ends.ALL, c -> outcome(RestorePointOutputParser.summarise(
        RestorePointOutputParser.classify(c.bytes(), new byte[0], c.charset(), c.exitCode()), c.exitCode(),
        "Before maintenance", null))));
    TYPES.put("trellix_stinger_scan", new Golden(Ends.ALL, c -> StingerReportParser.parse(c.auto())));
    TYPES.put("whynotwin11_check", new Golden(Ends.ALL, c -> WhyNotWin11CsvParser.parse(c.bytes())));
    TYPES.put("windows_update", new Golden(Ends.ALL, c -> WindowsUpdateReport.parse(c.auto())
        .<JsonNode>map(s -> s).orElse(Json.object().put("json_found", false))));
    TYPES.put("windows_update_logs_analysis", new Golden(Ends.ALL, c -> WindowsUpdateLogsReport.extract(c.auto())
        .<JsonNode>map(j -> {
          ObjectNode s = WindowsUpdateLogsReport.summarize(j);
          WindowsUpdateLogsReport.addVerdict(s, List.of());
          return s;
        }).orElse(Json.object().put("json_found", false))));
    TYPES.put("winsat_disk", new Golden(Ends.ALL, c -> outcome(WinsatOutputParser.parse(c.bytes(), c.charset(),
        c.exitCode(), new WinsatOutputParser.Request("C:", c.prefix())))));
  }

  private static final Pattern RAW = Pattern.compile("^(.+)\\.rc(-?\\d+)\\.([a-z0-9]+)$");
  private static final String EXPECTED = ".expected.json";
  private static final String TREE = ".tree";

  private static Path folder(String type) {
    return Fixtures.path("tool-output", type);
  }

  @Test
  void everyToolOutputFolderHasAParserEntry() throws IOException {
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> s = Files.list(Fixtures.path("tool-output"))) {
      s.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
    }
    assertEquals(new TreeSet<>(TYPES.keySet()), folders, "a folder under fixtures/tool-output needs its line in TYPES");
  }

  @TestFactory
  Stream<DynamicNode> goldenCases() {
    return TYPES.entrySet().stream().map(e -> dynamicContainer(e.getKey(), Stream.concat(
        Stream.of(dynamicTest("every raw file has its expected file and the reverse", () -> assertPaired(e.getKey())),
            dynamicTest("the README gives every case's source", () -> assertListed(e.getKey()))),
        cases(e.getKey()).stream().map(c -> dynamicContainer(c.file(), checks(e.getKey(), e.getValue(), c))))));
  }

  private static Stream<DynamicNode> checks(String type, Golden g, Case c) {
    Path expected = folder(type).resolve(c.name() + ".rc" + c.exitCode() + EXPECTED);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("golden", () -> Fixtures.assertMatchesFile(expected, g.parse().apply(c))));
    if (g.ends() != Ends.NONE && !c.isTree()) {
      lineEndVariants(c, g.ends()).forEach((ends, variant) -> tests.add(dynamicTest(ends + " line ends",
          () -> assertEquals(sameLineEnds(g.parse().apply(c)), sameLineEnds(g.parse().apply(variant)),
              c + " with " + ends))));
    }
    return tests.stream();
  }

  private static void assertPaired(String type) throws IOException {
    Set<String> raw = new TreeSet<>();
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> s = Files.list(folder(type))) {
      for (Path p : s.collect(Collectors.toList())) {
        String f = p.getFileName().toString();
        if (f.equals("README.md") || f.endsWith(".progress.json")) {
          continue; // progress goldens are paired by servicerunner.progress.ProgressGoldenTest
        }
        if (f.endsWith(EXPECTED)) {
          expected.add(f.substring(0, f.length() - EXPECTED.length()));
        } else {
          assertTrue(RAW.matcher(f).matches(), type + "/" + f + ": a raw file is named <case>.rc<exit>.<encoding>");
          raw.add(f.substring(0, f.lastIndexOf('.')));
        }
      }
    }
    Set<String> noExpected = new TreeSet<>(raw);
    noExpected.removeAll(expected);
    Set<String> noRaw = new TreeSet<>(expected);
    noRaw.removeAll(raw);
    assertEquals(Set.of(), noExpected, type + ": raw files without <case>.rc<exit>.expected.json"
        + " (run with -Dgolden.update=true and review)");
    assertEquals(Set.of(), noRaw, type + ": expected files without their raw <case>.rc<exit>.<encoding>");
  }

  private static void assertListed(String type) throws IOException {
    String readme = Files.readString(folder(type).resolve("README.md"));
    List<String> unlisted = cases(type).stream().map(Case::file).filter(f -> !readme.contains(f))
        .collect(Collectors.toList());
    assertEquals(List.of(), unlisted, type + "/README.md: cases without their source");
  }

  private static List<Case> cases(String type) {
    try (Stream<Path> s = Files.list(folder(type))) {
      return s.map(p -> p.getFileName().toString()).filter(f -> RAW.matcher(f).matches()).sorted()
          .map(f -> {
            Matcher m = RAW.matcher(f);
            m.matches();
            Path path = folder(type).resolve(f);
            boolean tree = f.endsWith(TREE);
            return new Case(f, m.group(1), Integer.parseInt(m.group(2)),
                tree ? StandardCharsets.UTF_8 : ToolOutputCase.charset(m.group(3)),
                tree ? new byte[0] : Fixtures.bytes(path), path);
          }).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * LF (CRLF made LF, bare CR kept), CRLF (every LF with its CR) and CR (every line end a bare CR), in the case's
   * own encoding, BOM kept. CR is left out for a tool that redraws progress with bare CR, and for a case that
   * already holds a bare CR: such output cannot end its lines the same way.
   */
  static Map<String, Case> lineEndVariants(Case c, Ends ends) {
    String text = new String(c.bytes(), c.charset());
    String lf = text.replace("\r\n", "\n");
    Map<String, String> v = new LinkedHashMap<>();
    v.put("LF", lf);
    v.put("CRLF", lf.replace("\n", "\r\n"));
    if (ends == Ends.ALL && !lf.contains("\r")) {
      v.put("CR", lf.replace("\n", "\r"));
    }
    Map<String, Case> out = new LinkedHashMap<>();
    v.forEach((k, t) -> out.put(k, new Case(c.file(), c.name(), c.exitCode(), c.charset(), t.getBytes(c.charset()),
        c.path())));
    return out;
  }

  /** The result with every line end inside a text value made LF: echoed output keeps the line ends it was given. */
  static JsonNode sameLineEnds(JsonNode n) {
    if (n.isTextual()) {
      return TextNode.valueOf(n.asText().replace("\r\n", "\n").replace('\r', '\n'));
    }
    if (n.isObject()) {
      ObjectNode o = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), sameLineEnds(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = Json.array();
      n.forEach(x -> a.add(sameLineEnds(x)));
      return a;
    }
    return n;
  }

  /** What a golden file holds for a parser that decides the status too: {@code {status, summary}}. */
  static ObjectNode outcome(TaskOutcome o) {
    ObjectNode n = Json.object();
    n.put("status", o.status().id());
    n.set("summary", o.summary());
    return n;
  }

  private static String chkdskMode(String prefix) {
    return prefix.equals("readonly") ? "read_only" : prefix.equals("fix") ? "fix_errors" : "comprehensive";
  }

  /** The mounts the disk space report keeps from a /proc/mounts text. */
  private static ObjectNode mounts(String procMounts) {
    ObjectNode o = Json.object();
    ArrayNode arr = o.putArray("mounts");
    for (MountTable.Mount m : MountTable.parse(procMounts)) {
      arr.addObject().put("device", m.device()).put("mount", m.mountPoint()).put("filesystem", m.fsType());
    }
    return o;
  }
}
