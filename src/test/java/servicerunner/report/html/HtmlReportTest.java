package servicerunner.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import servicerunner.report.Json;
import servicerunner.report.view.ReportLoader;
import servicerunner.report.view.ReportView;
import servicerunner.testing.Fixtures;

/** The HTML as text: escaping, the embedded JSON, no unknown values shown, no external reference. */
class HtmlReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static ReportView view(ObjectNode report, List<String> labels) {
    return new ReportView(null, report, Json.pretty(report), labels);
  }

  /** What a reader sees: the markup without scripts, styles and tags, entities decoded. */
  static String visibleText(String html) {
    String t = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
        .replaceAll("(?s)<title>.*?</title>", " ").replaceAll("<[^>]*>", " ");
    return t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  static void assertNoUnknownShown(String html, String what) {
    Matcher m = Pattern.compile("\\b(null|NaN|undefined|Infinity)\\b").matcher(visibleText(html));
    assertFalse(m.find(), () -> what + " shows '" + m.group() + "' near: "
        + visibleText(html).substring(Math.max(0, m.start() - 80), Math.min(visibleText(html).length(), m.end() + 80)));
  }

  static void assertSelfContained(String html) {
    assertFalse(html.matches("(?s).*\\b(src|srcset|href|action|xlink:href)\\s*=\\s*\"(?!#).*"), "only #anchors are linked");
    assertFalse(html.contains("@import") || html.contains("url("), "no external CSS resources");
    assertFalse(html.replaceAll("(?s)<script type=\"application/json\".*?</script>", "").contains("<script"),
        "no script besides the embedded data");
  }

  @Test
  void escapesEverythingFromToolsAndPlansAndEmbedsTheJsonVerbatim() throws Exception {
    String evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\" 'single' <!-- c";
    ObjectNode r = Json.object().put("overall_status", "completed_with_errors");
    ObjectNode md = r.putObject("metadata").put("hostname", "PC\"><b>1").put("customer_name", evil);
    md.put("technician_name", "Zo\u00eb \u2603");
    ArrayNode results = r.putArray("results");
    ObjectNode t = results.addObject().put("task_type", "command").put("status", "failure");
    t.putObject("summary").put("exit_code", 1).put("stdout_excerpt", evil).put("error", evil)
        .putObject("human_readable").put("verdict", evil);
    t.put("duration_seconds", 0.5);
    String html = HtmlReport.render(List.of(view(r, List.of("<label>"))));

    // inside the data block a <script> is inert text (no </ and no <!-- can reach it); everywhere else it is escaped
    String markup = html.replaceAll("(?s)<script type=\"application/json\".*?</script>", "");
    assertFalse(markup.contains("<script>alert"), markup);
    assertFalse(markup.contains("<img"), markup);
    assertFalse(markup.contains("<b>1"), markup);
    assertTrue(markup.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    assertTrue(html.contains("&lt;label&gt;"), "plan labels are escaped too");
    assertTrue(visibleText(html).contains("Zo\u00eb \u2603"));
    assertSelfContained(html);

    Matcher m = Pattern.compile("(?s)<script type=\"application/json\" id=\"report-data\"[^>]*>(.*?)</script>").matcher(html);
    assertTrue(m.find(), "report-data script");
    String embedded = m.group(1);
    assertFalse(embedded.contains("</"), "a </ inside could end the script element");
    assertEquals(MAPPER.readTree(Json.pretty(r)), MAPPER.readTree(embedded), "reads back as the same report");
    assertFalse(m.find(), "one data block for one report");
  }

  @Test
  void leavesUnknownValuesOutForEveryGoldenSummary() throws Exception {
    // every parser's golden summary, as a task of its type: the renderer meets every field shape the parsers make
    ObjectNode r = Json.object().put("overall_status", "completed_with_errors");
    ArrayNode results = r.putArray("results");
    int n = 0;
    try (Stream<Path> files = Files.walk(Fixtures.path("tool-output"))) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".expected.json")).sorted()::iterator) {
        JsonNode summary = Json.parse(Files.readString(p));
        if (!summary.isObject()) {
          continue;
        }
        String type = p.getParent().getFileName().toString();
        ObjectNode res = results.addObject().put("task_type", type).put("status", n % 3 == 0 ? "failure" : "success");
        res.set("summary", summary);
        n++;
      }
    }
    assertTrue(n > 100, "golden summaries found: " + n);
    ObjectNode nasty = results.addObject().put("task_type", "ping_test").put("status", "success");
    nasty.putObject("summary").put("host", "null").put("latency_ms", Double.NaN).putNull("packets")
        .putObject("human_readable").putNull("verdict").put("stability_score", "NaN");
    String html = HtmlReport.render(List.of(view(r, List.of())));
    assertNoUnknownShown(html, "golden summaries");
    assertSelfContained(html);
  }

  @Test
  void fleetListsWorstFirstAndLinksEachHostsSection() throws Exception {
    List<ReportView> reports = new ArrayList<>();
    for (String name : List.of("reception-02", "front-desk-01", "lab-pc-07")) {
      reports.add(ReportLoader.load(Fixtures.path("reports", name + ".json")));
    }
    String html = HtmlReport.render(reports);
    String table = html.substring(html.indexOf("<table class=\"fleet\">"), html.indexOf("</table>"));
    int lab = table.indexOf(">lab-pc-07.json</a>");
    int front = table.indexOf(">FRONT-DESK-01</a>");
    int reception = table.indexOf(">RECEPTION-02</a>");
    assertTrue(lab > 0 && lab < front && front < reception, table);
    assertTrue(table.contains("<a href=\"#host-2\">FRONT-DESK-01</a>"));
    assertTrue(html.contains("<section class=\"run\" id=\"host-2\">"));
    assertTrue(table.contains("#7 sfc_scan"), "failing tasks by name");
    assertTrue(table.contains("plan: tasks[0].count: expected an integer"), "a plan that could not run says why");
    for (int i = 1; i <= 3; i++) {
      assertTrue(html.contains("id=\"report-data-" + i + "\""), "each report's data");
    }
    assertNoUnknownShown(html, "fleet");
    assertSelfContained(html);
  }

  @Test
  void overallSentenceCountsWhatHappened() throws Exception {
    ReportView front = ReportLoader.load(Fixtures.path("reports", "front-desk-01.json"));
    assertEquals("1 of 11 tasks failed.", HtmlReport.overallSentence(front));
    ReportView reception = ReportLoader.load(Fixtures.path("reports", "reception-02.json"));
    assertEquals("All 5 tasks that ran succeeded (1 skipped).", HtmlReport.overallSentence(reception));
  }
}
