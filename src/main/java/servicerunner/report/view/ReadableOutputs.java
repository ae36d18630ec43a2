package servicerunner.report.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import servicerunner.report.AtomicFile;
import servicerunner.report.Json;
import servicerunner.report.ReportBuilder;
import servicerunner.report.html.HtmlReport;
import servicerunner.report.junit.JUnitXml;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOutcome;

/**
 * The reports people and CI read (--html, --junit), written atomically like --output-file. Both are rendered before
 * either is written, so a rendering problem leaves no file half-made. The renderer classes load only when one of
 * them is asked for.
 */
public final class ReadableOutputs {
  private final Path html;
  private final Path junit;

  public ReadableOutputs(Path html, Path junit) {
    this.html = html;
    this.junit = junit;
  }

  public boolean any() {
    return html != null || junit != null;
  }

  public void write(List<ReportView> reports) throws IOException {
    byte[] h = html == null ? null : HtmlReport.render(reports).getBytes(StandardCharsets.UTF_8);
    byte[] j = junit == null ? null : JUnitXml.render(reports).getBytes(StandardCharsets.UTF_8);
    if (h != null) {
      AtomicFile.write(html, h);
    }
    if (j != null) {
      AtomicFile.write(junit, j);
    }
  }

  /** Writes the files for the report of this run; failures are logged, never thrown (stdout already has the report). */
  public void writeRun(ObjectNode report, List<String> labels, RunObserver log) {
    ReportView view = new ReportView(null, report, Json.pretty(report), labels);
    try {
      write(List.of(view));
      if (html != null) {
        log.log("HTML report written to '" + html + "'");
      }
      if (junit != null) {
        log.log("JUnit report written to '" + junit + "'");
      }
    } catch (IOException | RuntimeException e) {
      log.log("Warning: could not write the HTML/JUnit report: " + Text.oneLine(String.valueOf(e.getMessage()), 300));
    }
  }

  /** An observer that writes the files when the run ends, from the report the builder made. */
  public RunObserver observer(ReportBuilder builder, List<String> labels, RunObserver log) {
    return new RunObserver() {
      @Override
      public void runFinished(RunOutcome outcome) {
        ObjectNode report = builder.report();
        if (report != null) {
          writeRun(report, labels, log);
        }
      }
    };
  }
}
