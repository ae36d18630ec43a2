package servicerunner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import servicerunner.report.view.Statuses;
import servicerunner.report.view.TaskView;
import servicerunner.report.view.TypeNames;
import servicerunner.report.view.Text;

/** One task's section: status badge, verdict, reason, key figures, chart, tables, notes and the output's tail. */
final class TaskSection {
  private TaskSection() {}

  private static final int TAIL_LINES = 15;

  static void write(Html h, TaskView t, String anchor) {
    String tone = Statuses.tone(t.status());
    String title = t.label() != null ? t.label() : TypeNames.of(t.type());
    h.raw("<section class=\"task t-" + tone + "\"").raw(Html.attr("id", anchor)).raw(">\n<div class=\"task-head\">")
        .el("span", "idx", "#" + t.index())
        .el("h3", null, title)
        .el("span", "type", t.type())
        .el("span", "dur", Text.duration(t.durationSeconds()))
        .el("span", "badge " + tone, Statuses.label(t.status()))
        .raw("</div>\n");
    String verdict = t.verdict();
    h.el("p", "verdict", verdict);
    String reason = t.reason();
    if (reason != null && (verdict == null || !verdict.contains(reason))) {
      h.el("p", t.failed() ? "reason" : "verdict", (t.failed() ? "Reason: " : "Note: ") + reason);
    }
    JsonNode s = t.summary();
    List<KeyFigures.Shown> figs = KeyFigures.figures(t.type(), s);
    if (!figs.isEmpty()) {
      h.raw("<dl class=\"figures\">");
      for (KeyFigures.Shown f : figs) {
        h.raw("<div>").el("dt", null, f.label()).el("dd", null, f.value()).raw("</div>");
      }
      h.raw("</dl>\n");
    }
    h.raw(Charts.of(t.type(), s));
    for (KeyFigures.ShownTable table : KeyFigures.tables(t.type(), s)) {
      h.raw("<table>").el("caption", null, table.title()).raw("<thead><tr>");
      table.header().forEach(c -> h.el("th", null, c));
      h.raw("</tr></thead><tbody>");
      for (List<String> row : table.rows()) {
        h.raw("<tr>");
        row.forEach(c -> h.raw("<td>").text(c).raw("</td>"));
        h.raw("</tr>");
      }
      h.raw("</tbody></table>\n");
    }
    List<String> notes = t.notes();
    if (!notes.isEmpty()) {
      h.raw("<ul class=\"notes\">");
      notes.forEach(n -> h.el("li", null, n));
      h.raw("</ul>\n");
    }
    output(h, t, s);
    h.raw("</section>\n");
  }

  /** The last lines a tool printed: always for a command task, and for any task that failed. */
  private static void output(Html h, TaskView t, JsonNode s) {
    if (!"command".equals(t.type()) && !t.failed()) {
      return;
    }
    String out = tail(Text.of(s.get("stdout_excerpt")));
    String err = tail(Text.of(s.get("stderr_excerpt")));
    if (out == null && err == null) {
      return;
    }
    h.raw("<details><summary>Output (last lines)</summary>");
    if (out != null) {
      h.el("pre", null, out);
    }
    if (err != null) {
      h.el("pre", null, err);
    }
    h.raw("</details>\n");
  }

  private static String tail(String text) {
    if (text == null) {
      return null;
    }
    String[] lines = text.strip().split("\r?\n|\r");
    int from = Math.max(0, lines.length - TAIL_LINES);
    String t = String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length)).strip();
    return t.isEmpty() ? null : t;
  }
}
