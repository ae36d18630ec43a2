package servicerunner.report.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import servicerunner.report.view.ReportView;
import servicerunner.report.view.TaskView;
import servicerunner.report.view.Text;

/**
 * JUnit XML in the shape Jenkins, GitLab and GitHub test reporters read (Jenkins xUnit's junit-10.xsd): one
 * {@code testsuite} per run, one {@code testcase} per task named by index, type and ui_label. failure and error map
 * to their elements, skipped to {@code skipped}; warning and completed_with_errors pass, with the verdict kept in
 * system-out, because CI should not go red for a task that did its job and found something to mention.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** Ant's timestamp form (no zone): the strict Ant schema rejects one; the value is UTC. */
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  public static String render(List<ReportView> reports) {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    double time = 0;
    List<String> suites = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Suite s = suite(reports.get(i), i);
      suites.add(s.xml());
      tests += s.tests();
      failures += s.failures();
      errors += s.errors();
      time += s.time();
    }
    StringBuilder x = new StringBuilder(8192);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"service-runner\"")
        .append(attr("tests", Integer.toString(tests))).append(attr("failures", Integer.toString(failures)))
        .append(attr("errors", Integer.toString(errors))).append(attr("time", seconds(time))).append(">\n");
    suites.forEach(x::append);
    return x.append("</testsuites>\n").toString();
  }

  private record Suite(String xml, int tests, int failures, int errors, double time) {}

  private static Suite suite(ReportView r, int id) {
    String host = r.hostname();
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    double time = 0;
    List<TaskView> tasks = r.tasks();
    for (TaskView t : tasks) {
      Double d = t.durationSeconds();
      time += d == null ? 0 : d;
      cases.append("    <testcase").append(attr("name", t.name())).append(attr("classname", classname(host, t.type())))
          .append(attr("time", seconds(d == null ? 0 : d))).append(">\n");
      String status = t.status();
      String reason = t.reason();
      String body = detail(t);
      if ("failure".equals(status)) {
        failures++;
        cases.append("      <failure").append(attr("message", reason)).append(attr("type", status)).append(">")
            .append(text(body)).append("</failure>\n");
      } else if ("error".equals(status)) {
        errors++;
        cases.append("      <error").append(attr("message", reason)).append(attr("type", status)).append(">")
            .append(text(body)).append("</error>\n");
      } else if ("skipped".equals(status)) {
        skipped++;
        cases.append("      <skipped").append(attr("message", reason == null ? "Skipped" : reason)).append("/>\n");
      } else if (!body.isEmpty()) {
        cases.append("      <system-out>").append(text(status + ": " + body)).append("</system-out>\n");
      }
      cases.append("    </testcase>\n");
    }
    int count = tasks.size();
    if (tasks.isEmpty() && r.error() != null) {
      // a plan that could not be read has no tasks; CI must still see the run as broken
      count = 1;
      errors++;
      cases.append("    <testcase name=\"plan\"").append(attr("classname", classname(host, "plan"))).append(" time=\"0.000\">\n")
          .append("      <error").append(attr("message", r.error())).append(" type=\"invalid_plan\">")
          .append(text(String.join("\n", r.errors()))).append("</error>\n    </testcase>\n");
    }
    Double total = r.durationSeconds();
    double suiteTime = total != null ? total : time;
    StringBuilder x = new StringBuilder();
    x.append("  <testsuite").append(attr("name", "service-runner " + host)).append(attr("tests", Integer.toString(count)))
        .append(attr("failures", Integer.toString(failures))).append(attr("errors", Integer.toString(errors)))
        .append(attr("skipped", Integer.toString(skipped))).append(attr("time", seconds(suiteTime)));
    String stamp = stamp(r.when());
    if (stamp != null) {
      x.append(attr("timestamp", stamp));
    }
    x.append(attr("hostname", host)).append(attr("id", Integer.toString(id))).append(attr("package", "service-runner"));
    if (r.source() != null) {
      x.append(attr("file", r.source()));
    }
    x.append(">\n");
    properties(x, r);
    x.append(cases).append("  </testsuite>\n");
    return new Suite(x.toString(), count, failures, errors, suiteTime);
  }

  private static void properties(StringBuilder x, ReportView r) {
    List<String[]> props = new ArrayList<>();
    props.add(new String[] {"overall_status", r.overallStatus()});
    if (r.stopReason() != null) {
      props.add(new String[] {"stop_reason", r.stopReason()});
    }
    String version = Text.of(r.json().get("runner_version"));
    if (version != null) {
      props.add(new String[] {"runner_version", version});
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = r.metadata().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String v = Text.of(e.getValue());
      if (v != null) {
        props.add(new String[] {e.getKey(), v});
      }
    }
    x.append("    <properties>\n");
    for (String[] p : props) {
      x.append("      <property").append(attr("name", p[0])).append(attr("value", p[1])).append("/>\n");
    }
    x.append("    </properties>\n");
  }

  /** Verdict, reason and notes, one per line, without repeats. */
  private static String detail(TaskView t) {
    List<String> lines = new ArrayList<>();
    for (String s : new String[] {t.verdict(), t.reason()}) {
      if (s != null && !lines.contains(s)) {
        lines.add(s);
      }
    }
    for (String n : t.notes()) {
      if (!lines.contains(n)) {
        lines.add(n);
      }
    }
    return String.join("\n", lines);
  }

  /** Jenkins reads a dot in classname as a package separator: host name dots would split it. */
  private static String classname(String host, String type) {
    return host.replace('.', '_') + "." + type;
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", Double.isFinite(s) && s > 0 ? s : 0.0);
  }

  private static String stamp(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return STAMP.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String attr(String name, String value) {
    return value == null ? "" : " " + name + "=\"" + escape(value, true) + "\"";
  }

  private static String text(String value) {
    return escape(value, false);
  }

  /** XML 1.0 escaping; characters XML cannot hold at all (most controls, lone surrogates) become U+FFFD. */
  static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
        continue;
      }
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append(attribute ? "&quot;" : "\"");
          break;
        case '\n':
          b.append(attribute ? "&#10;" : "\n");
          break;
        case '\r':
          b.append("&#13;");
          break;
        case '\t':
          b.append(attribute ? "&#9;" : "\t");
          break;
        default:
          boolean legal = c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
          b.append(legal ? c : '\uFFFD');
      }
    }
    return b.toString();
  }
}
