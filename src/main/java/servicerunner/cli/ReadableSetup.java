package servicerunner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import servicerunner.report.ReportBuilder;
import servicerunner.report.view.PlanLabels;
import servicerunner.report.view.ReadableOutputs;
import servicerunner.run.RunObserver;

/**
 * --html and --junit on a run. A class of its own so that Cli's code never names the renderers: they and this
 * class load only when one of the options is given, keeping the usual run's start-up as it was.
 */
final class ReadableSetup {
  private ReadableSetup() {}

  static RunObserver observer(Path html, Path junit, ReportBuilder builder, String plan, RunObserver log) {
    return new ReadableOutputs(html, junit).observer(builder, PlanLabels.read(plan), log);
  }

  static void writeFailure(Path html, Path junit, ObjectNode report, RunObserver log) {
    new ReadableOutputs(html, junit).writeRun(report, List.of(), log);
  }
}
