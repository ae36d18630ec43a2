package servicerunner.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import servicerunner.report.view.ReportView;
import servicerunner.report.view.Statuses;
import servicerunner.report.view.TaskView;
import servicerunner.report.view.Text;

/**
 * One self-contained HTML file: inline CSS and SVG, no script to run, no external URL. One report gives its full
 * page; several give a fleet table (worst first) with each host's full section below it.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public static String render(List<ReportView> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("no report to render");
    }
    boolean fleet = reports.size() > 1;
    List<ReportView> ordered = new ArrayList<>(reports);
    if (fleet) {
      ordered.sort(ReportView.WORST_FIRST);
    }
    Html h = new Html();
    String title = fleet ? "Service report: " + reports.size() + " computers" : "Service report: " + ordered.get(0).hostname();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>").text(title).raw("</title>\n<style>\n").raw(css()).raw("</style>\n</head>\n<body>\n<main>\n");
    if (fleet) {
      fleetTable(h, ordered);
    }
    for (int i = 0; i < ordered.size(); i++) {
      run(h, ordered.get(i), fleet ? "host-" + (i + 1) : null);
    }
    h.raw("<footer>Written by service-runner").text(version(ordered.get(0)) == null ? "" : " " + version(ordered.get(0)))
        .raw(". The report data is embedded in this file.</footer>\n</main>\n");
    for (int i = 0; i < ordered.size(); i++) {
      ReportView r = ordered.get(i);
      h.raw("<script type=\"application/json\"").raw(Html.attr("id", fleet ? "report-data-" + (i + 1) : "report-data"))
          .raw(" class=\"report-data\"").raw(r.source() == null ? "" : Html.attr("data-source", r.source())).raw(">")
          .raw(Html.scriptJson(r.text())).raw("</script>\n");
    }
    return h.raw("</body>\n</html>\n").toString();
  }

  private static void fleetTable(Html h, List<ReportView> reports) {
    int bad = 0;
    for (ReportView r : reports) {
      if (Statuses.overallRank(r.overallStatus()) < 4) {
        bad++;
      }
    }
    h.raw("<section class=\"run fleet-view\">\n<div class=\"run-head\"><h1>Fleet report</h1>")
        .el("span", "badge big " + (bad == 0 ? "good" : "bad"), bad == 0 ? "All good" : bad + " need attention")
        .raw("</div>\n")
        .el("p", "overall", reports.size() + " computers, " + (reports.size() - bad) + " without problems. Worst first.")
        .raw("<table class=\"fleet\">\n<thead><tr><th>Computer</th><th>When</th><th>Status</th><th>Tasks by status</th>")
        .raw("<th>Failing tasks</th><th class=\"num\">Duration</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < reports.size(); i++) {
      ReportView r = reports.get(i);
      h.raw("<tr><td><a href=\"#host-" + (i + 1) + "\">").text(r.hostname()).raw("</a>");
      if (r.source() != null && !r.source().equals(r.hostname())) {
        h.raw("<br>").el("span", "type", r.source());
      }
      h.raw("</td><td>").text(when(r.when())).raw("</td><td>")
          .el("span", "badge " + Statuses.tone(r.overallStatus()), Statuses.label(r.overallStatus())).raw("</td><td>");
      counts(h, r);
      h.raw("</td><td>");
      List<String> failing = new ArrayList<>();
      r.failedTasks().forEach(t -> failing.add(t.name()));
      if (failing.isEmpty() && r.error() != null) {
        failing.add("plan: " + Text.oneLine(r.error(), 160));
      }
      h.text(String.join("; ", failing)).raw("</td><td class=\"num\">").text(Text.duration(r.durationSeconds()))
          .raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n</section>\n");
  }

  private static void counts(Html h, ReportView r) {
    h.raw("<ul class=\"counts\">");
    for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
      h.raw("<li>").el("span", "badge " + Statuses.tone(e.getKey()), e.getValue() + " " + Statuses.label(e.getKey()))
          .raw("</li>");
    }
    h.raw("</ul>");
  }

  private static void run(Html h, ReportView r, String anchor) {
    String heading = anchor == null ? "h1" : "h2";
    h.raw("<section class=\"run\"").raw(anchor == null ? "" : Html.attr("id", anchor)).raw(">\n<div class=\"run-head\">")
        .el(heading, null, r.hostname())
        .el("span", "badge big " + Statuses.tone(r.overallStatus()), Statuses.label(r.overallStatus()))
        .raw("</div>\n")
        .el("p", "overall", overallSentence(r));
    List<String> errors = r.errors();
    if (!errors.isEmpty()) {
      h.raw("<ul class=\"errors\">");
      errors.forEach(e -> h.el("li", null, e));
      h.raw("</ul>\n");
    }
    h.raw("<dl class=\"meta\">");
    meta(h, "Customer", r.meta("customer_name"));
    meta(h, "Technician", r.meta("technician_name"));
    meta(h, "Computer", r.meta("hostname"));
    meta(h, "User", r.meta("username"));
    String os = r.meta("os_name");
    String osv = r.meta("os_version");
    meta(h, "Operating system", os == null ? osv : osv == null ? os : os + " " + osv);
    meta(h, "Started", when(r.when()));
    meta(h, "Duration", Text.duration(r.durationSeconds()));
    meta(h, "Tasks", r.tasks().isEmpty() ? null : completed(r));
    meta(h, "Report file", r.source());
    h.raw("</dl>\n");
    if (!r.tasks().isEmpty()) {
      counts(h, r);
    }
    for (TaskView t : r.tasks()) {
      TaskSection.write(h, t, anchor == null ? "task-" + t.index() : anchor + "-task-" + t.index());
    }
    h.raw("</section>\n");
  }

  private static String completed(ReportView r) {
    Double done = Text.num(r.json().get("completed_count"));
    Double total = Text.num(r.json().get("total_count"));
    if (done != null && total != null && !done.equals(total)) {
      return Text.number(done) + " of " + Text.number(total) + " done";
    }
    return Integer.toString(r.tasks().size());
  }

  static String overallSentence(ReportView r) {
    int n = r.tasks().size();
    int failed = r.failedTasks().size();
    String overall = r.overallStatus();
    if ("failure".equals(overall) && n == 0) {
      return "The plan could not be run.";
    }
    if ("stopped".equals(overall)) {
      return "The run was stopped" + (r.stopReason() == null ? "" : " (" + Text.humanise(r.stopReason()).toLowerCase(java.util.Locale.ROOT) + ")")
          + (failed > 0 ? "; " + failed + " of " + n + " tasks failed." : ".");
    }
    if (failed > 0) {
      return failed + " of " + n + " tasks failed.";
    }
    int warnings = r.count("warning") + r.count("completed_with_errors");
    if (warnings > 0) {
      return "No task failed; " + warnings + " of " + n + " need a look.";
    }
    int skipped = r.count("skipped");
    return n == 0 ? "The plan had no tasks." : "All " + (n - skipped) + " tasks that ran succeeded" + (skipped > 0 ? " (" + skipped + " skipped)." : ".");
  }

  private static void meta(Html h, String label, String value) {
    if (value != null) {
      h.raw("<div>").el("dt", null, label).el("dd", null, value).raw("</div>");
    }
  }

  static String when(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return WHEN.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String version(ReportView r) {
    return Text.of(r.json().get("runner_version"));
  }

  private static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
