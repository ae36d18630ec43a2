package servicerunner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import servicerunner.testing.Browser;
import servicerunner.testing.Fixtures;
import servicerunner.testing.JUnitSchema;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;

/**
 * {@code service-runner report a.json b.json ... --html fleet.html --junit fleet.xml}, the interface fleet tooling
 * (the Ansible playbook) calls: the fleet page rendered in a real browser, and bad input refused file by file.
 */
@Order(2) // a chromium render: started early
class ReportCommandIT {
  @TempDir Path tmp;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> HOSTS = List.of("front-desk-01", "reception-02", "lab-pc-07");

  private static String[] args(Path html, Path junit) {
    return Stream.concat(Stream.of("report"), Stream.concat(
            HOSTS.stream().map(h -> Fixtures.path("reports", h + ".json").toString()),
            Stream.of("--html", html.toString(), "--junit", junit.toString())))
        .toArray(String[]::new);
  }

  @Test
  void fleetPageShowsEveryHostTaskStatusAndKeyFigureInChromium() throws Exception {
    Path html = tmp.resolve("out/fleet.html");
    Path junit = tmp.resolve("out/fleet.xml");
    RunResult r = RunnerProcess.jar(args(html, junit)).run().assertExit(0);
    assertEquals("", r.stdout(), "stdout stays empty: the files are the output");
    assertEquals(List.of("HTML report written to '" + html + "'", "JUnit report written to '" + junit + "'"), r.stderrLines());

    String xml = Files.readString(junit);
    JUnitSchema.assertValid(xml);
    Document d = JUnitSchema.parse(xml);
    assertEquals(3, d.getElementsByTagName("testsuite").getLength());
    assertEquals(18, d.getElementsByTagName("testcase").getLength());

    Browser.Rendered page = Browser.render(html, tmp.resolve("browser"));
    String text = page.text();
    assertTrue(text.contains("Fleet report"), text);
    int task = 0;
    for (String h : HOSTS) {
      JsonNode rep = MAPPER.readTree(Fixtures.path("reports", h + ".json").toFile());
      String host = rep.path("metadata").path("hostname").asText(h + ".json");
      assertTrue(text.contains(host), host);
      for (JsonNode res : rep.get("results")) {
        assertTrue(text.contains(res.get("task_type").asText()), "task type shown: " + res.get("task_type"));
        task++;
      }
    }
    Matcher sections = Pattern.compile("<section class=\"task t-[a-z]+\" id=\"host-\\d-task-\\d+\">").matcher(page.dom());
    int found = 0;
    while (sections.find()) {
      found++;
    }
    assertEquals(task, found, "one section per task");
    for (String status : List.of("Error", "Completed with errors", "Success", "Skipped", "Failure")) {
      assertTrue(text.contains(status), "status shown: " + status);
    }
    // key figures as the fixture reports give them, one per type that has them
    for (String figure : List.of("2879.1 Mbit/s", "0.06 ms", "22.5 %", "85 %", "48.45 Wh", "65592", "FAILING",
        "5.3 MB", "88.91 MB/s", "201344", "HEUR:Trojan.Win32.Generic", "KB5070001", "Scannow",
        "Boot Method, CPU Compatibility", "tasks[0].count: expected an integer")) {
      assertTrue(text.contains(figure), "key figure shown: " + figure);
    }
    Matcher unknown = Pattern.compile("\\b(null|NaN|undefined|Infinity)\\b").matcher(text);
    assertFalse(unknown.find(), () -> "shown: " + unknown.group());
    assertTrue(page.pdfPages() >= 3, "each host starts a printed page: " + page.pdfPages());
    List<Integer> size = Browser.pngSize(page.png());
    assertEquals(1000, size.get(0));
    // the embedded data reads back, per host
    assertTrue(page.dom().contains("id=\"report-data-1\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "not-json", "not-a-report", "empty"})
  void badInputExitsOneNamingTheFileAndWritesNothing(String kind) throws Exception {
    Path bad = tmp.resolve(kind + ".json");
    switch (kind) {
      case "not-json":
        Files.writeString(bad, "{\"overall_status\": \"success\", ");
        break;
      case "not-a-report":
        Files.writeString(bad, "{\"tasks\": [{\"type\": \"ping_test\"}]}");
        break;
      case "empty":
        Files.writeString(bad, "");
        break;
      default:
        break;
    }
    Path html = tmp.resolve("fleet.html");
    Path junit = tmp.resolve("fleet.xml");
    RunResult r = RunnerProcess.jar("report", Fixtures.path("reports", "front-desk-01.json").toString(), bad.toString(),
        "--html", html.toString(), "--junit", junit.toString()).run().assertExit(1);
    assertEquals(1, r.stderrLines().size(), r.stderrText());
    String line = r.stderrLines().get(0);
    assertTrue(line.startsWith("Report error: " + bad + ": "), line);
    assertEquals("", r.stdout());
    assertFalse(Files.exists(html) || Files.exists(junit), "no output file written");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temp files");
    }
  }

  @Test
  void withoutAnOutputOptionItIsAUsageError() throws Exception {
    RunResult r = RunnerProcess.jar("report", Fixtures.path("reports", "front-desk-01.json").toString()).run().assertExit(2);
    assertTrue(r.stderrText().contains("--html PATH and/or --junit PATH"), r.stderrText());
    RunnerProcess.jar("report", "--html", tmp.resolve("x.html").toString()).run().assertExit(2);
  }
}
