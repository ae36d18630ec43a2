package servicerunner.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import servicerunner.protocol.Ascii;
import servicerunner.report.view.ReadableOutputs;
import servicerunner.report.view.ReportLoader;
import servicerunner.report.view.ReportView;

/** {@code report}: renders report files written earlier as HTML and/or JUnit XML; several make a fleet view. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Renders existing report files (written by --output-file) as a self-contained HTML page and/or JUnit XML.",
      "With several reports the HTML is a fleet view: one row per computer, worst first, each linked to its full"
          + " section; the JUnit XML has one testsuite per report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the files were written",
      "1:a report file is missing, not JSON or not a report, or an output could not be written (nothing is written)",
      "2:wrong command line"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  service-runner report report.json --html report.html",
      "  service-runner report pc-*.json --html fleet.html --junit fleet.xml"
    })
final class ReportCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "<report.json>", description = "Report files to render.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--html", paramLabel = "PATH", description = "Write the HTML report here (atomically).")
  Path html;

  @Option(names = "--junit", paramLabel = "PATH", description = "Write JUnit XML here (atomically).")
  Path junit;

  private final OutputStream stderr;

  ReportCommand(OutputStream stderr) {
    this.stderr = stderr;
  }

  @Override
  public Integer call() {
    PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
    if (html == null && junit == null) {
      err.println("Usage error: report needs --html PATH and/or --junit PATH (try report --help)");
      return ExitCodes.USAGE;
    }
    List<ReportView> reports = new ArrayList<>();
    for (Path f : files) {
      try {
        reports.add(ReportLoader.load(f));
      } catch (ReportLoader.BadReport e) {
        err.println(Ascii.freeText("Report error: " + e.getMessage()));
        return ExitCodes.INVALID_PLAN;
      }
    }
    try {
      new ReadableOutputs(html, junit).write(reports);
    } catch (IOException | RuntimeException e) {
      err.println(Ascii.freeText("Report error: " + e.getMessage()));
      return ExitCodes.INVALID_PLAN;
    }
    if (html != null) {
      err.println(Ascii.freeText("HTML report written to '" + html + "'"));
    }
    if (junit != null) {
      err.println(Ascii.freeText("JUnit report written to '" + junit + "'"));
    }
    return ExitCodes.OK;
  }
}
