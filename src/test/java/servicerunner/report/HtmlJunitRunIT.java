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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import servicerunner.testing.Browser;
import servicerunner.testing.JUnitSchema;
import servicerunner.testing.RunResult;
import servicerunner.testing.RunnerProcess;
import servicerunner.testing.Tools;

/** --html and --junit on a run: written at the end next to the JSON report, read in a real browser and by a schema. */
@Order(2) // a chromium render: started early
class HtmlJunitRunIT {
  @TempDir Path tmp;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String PLAN = "{\"tasks\":["
      + "{\"type\":\"ping_test\",\"ui_label\":\"Ping <loopback>\",\"host\":\"127.0.0.1\",\"count\":3,\"interval_ms\":200},"
      + "{\"type\":\"disk_space_report\",\"ui_label\":\"Disk space\"},"
      + "{\"type\":\"command\",\"ui_label\":\"Failing script\",\"command\":[\"sh\",\"-c\",\"echo 'about to fail'; exit 3\"]},"
      + "{\"type\":\"mystery_task\"}],"
      + "\"metadata\":{\"customer_name\":\"Zo\u00eb & Co <Ltd>\",\"technician_name\":\"Ana\"}}";

  @Test
  void runWritesHtmlAndJunitThatShowEveryTaskInChromium() throws Exception {
    Tools.require("ping");
    Path plan = tmp.resolve("plan.json");
    Files.writeString(plan, PLAN);
    Path json = tmp.resolve("out/report.json");
    Path html = tmp.resolve("out/report.html");
    Path junit = tmp.resolve("out/report.xml");
    RunResult r = RunnerProcess.jar(plan.toString(), "-o", json.toString(), "--html", html.toString(),
        "--junit", junit.toString()).run().assertExit(0).assertProtocolClean();
    JsonNode report = r.report();
    assertEquals(r.stdout(), Files.readString(json) + "\n", "stdout and --output-file unchanged");
    List<String> lines = r.stderrLines();
    int fin = indexOf(lines, "PROGRESS_JSON_FINAL:");
    assertTrue(fin >= 0 && fin < lines.indexOf("HTML report written to '" + html + "'")
        && fin < lines.indexOf("JUnit report written to '" + junit + "'"), "rendered after the app has everything");

    String xml = Files.readString(junit);
    JUnitSchema.assertValid(xml);
    NodeList cases = JUnitSchema.parse(xml).getElementsByTagName("testcase");
    assertEquals(4, cases.getLength());
    assertEquals("#0 ping_test (Ping <loopback>)", ((Element) cases.item(0)).getAttribute("name"));
    assertEquals("#2 command (Failing script)", ((Element) cases.item(2)).getAttribute("name"));
    assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("failure").getLength());
    assertEquals(1, ((Element) cases.item(3)).getElementsByTagName("skipped").getLength());

    String source = Files.readString(html);
    Matcher data = Pattern.compile("(?s)<script type=\"application/json\" id=\"report-data\"[^>]*>(.*?)</script>").matcher(source);
    assertTrue(data.find());
    assertEquals(report, MAPPER.readTree(data.group(1)), "the report is embedded and reads back");

    Browser.Rendered page = Browser.render(html, tmp.resolve("browser"));
    String text = page.text();
    String host = report.path("metadata").path("hostname").asText();
    for (String shown : List.of(host, "Zo\u00eb & Co <Ltd>", "Ana", "Ping <loopback>", "Disk space", "Failing script",
        "mystery_task", "Success", "Failure", "Skipped", "1 of 4 tasks failed.", "No handler found for task type",
        "exited with code 3")) {
      assertTrue(text.contains(shown), "shown: " + shown + "\n" + text);
    }
    JsonNode ping = report.get("results").get(0).get("summary");
    assertEquals("success", report.get("results").get(0).get("status").asText());
    for (String label : List.of("Packets sent", "Received", "Packet loss", "Average latency", "Stability score")) {
      assertTrue(text.contains(label), "ping figure shown: " + label);
    }
    String avg = servicerunner.report.view.Text.number(ping.get("latency_ms").get("avg").asDouble()) + " ms";
    assertTrue(text.contains(avg), "average latency shown as " + avg);
    assertTrue(text.contains(ping.get("human_readable").get("stability_score").asText() + " / 100"), "stability score");
    JsonNode drive = report.get("results").get(1).get("summary").get("drives").get(0);
    assertTrue(text.contains(drive.get("drive").asText()), "the volume is listed");
    assertTrue(text.contains(trim(drive.get("usage_percent").asDouble()) + " %"), "usage shown: " + drive);
    assertTrue(page.dom().contains("aria-label=\"Ping round-trip times\""), "latency chart drawn");
    assertTrue(page.dom().contains("aria-label=\"Disk usage per volume\""), "usage chart drawn");
    Matcher unknown = Pattern.compile("\\b(null|NaN|undefined|Infinity)\\b").matcher(text);
    assertFalse(unknown.find(), () -> "shown: " + unknown.group());
  }

  @Test
  void anInvalidPlanStillGetsAnHtmlAndAJunitFileSayingWhy() throws Exception {
    Path html = tmp.resolve("report.html");
    Path junit = tmp.resolve("report.xml");
    RunResult r = RunnerProcess.jar("{\"tasks\":[{\"type\":\"ping_test\",\"count\":\"four\"}]}", "--html", html.toString(),
        "--junit", junit.toString()).run().assertExit(1);
    assertEquals("failure", r.report().get("overall_status").asText());
    assertTrue(Files.readString(html).contains("tasks[0].count: expected an integer"));
    String xml = Files.readString(junit);
    JUnitSchema.assertValid(xml);
    assertTrue(xml.contains("type=\"invalid_plan\">tasks[0].host: required"), xml);
    assertTrue(xml.contains("tasks[0].count: expected an integer"), xml);
    String host = RunnerProcess.jar("{\"tasks\":[]}").run().report().path("metadata").path("hostname").asText();
    assertTrue(xml.contains("hostname=\"" + host + "\""), "the machine that ran it, though the report has no metadata");
  }

  @Test
  void aRunWithoutTheOptionsLoadsNoRendererClass() throws Exception {
    // the start-up path of the app's usual run must not grow: the renderers load only when asked for
    Path plain = tmp.resolve("plain.log");
    Path asked = tmp.resolve("asked.log");
    String plan = "{\"tasks\":[{\"type\":\"command\",\"command\":[\"true\"]}]}";
    RunnerProcess.jar(plan).env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + plain).run().assertExit(0);
    RunnerProcess.jar(plan, "--html", tmp.resolve("r.html").toString())
        .env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + asked).run().assertExit(0);
    String renderer = "servicerunner.report.html.HtmlReport ";
    assertTrue(Files.readString(asked).contains(renderer), "the log does record the renderer when it is used");
    String log = Files.readString(plain);
    for (String pkg : List.of("servicerunner.report.html.", "servicerunner.report.junit.", "servicerunner.report.view.",
        "servicerunner.cli.ReadableSetup", "servicerunner.cli.ReportCommand")) {
      assertFalse(log.contains(pkg), pkg + " loaded on a plain run");
    }
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
