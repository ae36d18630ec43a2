package servicerunner.report;

import servicerunner.io.AtomicFile;
import servicerunner.io.IoErrors;
import servicerunner.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOutcome;

/**
 * Puts the finished report where it belongs: the --output-file first (atomically, so a closed stdout cannot cost
 * the file), then stdout, which carries nothing else, ever.
 */
public final class ReportOutput implements RunObserver {
  private final ReportBuilder builder;
  private final OutputStream stdout;
  private final Path outputFile;
  private final RunObserver log;

  public ReportOutput(ReportBuilder builder, OutputStream stdout, Path outputFile, RunObserver log) {
    this.builder = builder;
    this.stdout = stdout;
    this.outputFile = outputFile;
    this.log = log;
  }

  private volatile boolean written;

  @Override
  public void runFinished(RunOutcome outcome) {
    emit(builder.report(), stdout, outputFile, log);
    written = true;
  }

  /** Whether this run's report was emitted (the CLI writes a failure report itself otherwise). */
  public boolean written() {
    return written;
  }

  /**
   * Writes a report (also the failure report of an unreadable plan). Returns false if the file failed. The text is
   * streamed from the tree to the file and then to stdout, never held whole: a report of tens of megabytes (a large
   * plan's metadata, hundreds of tasks with escaped non-ASCII output) must not exhaust the heap at the very end.
   */
  public static boolean emit(ObjectNode report, OutputStream stdout, Path outputFile, RunObserver log) {
    boolean fileOk = true;
    if (outputFile != null) {
      try {
        AtomicFile.write(outputFile, out -> Json.writePretty(report, out));
      } catch (IOException e) {
        fileOk = false;
        safeLog(log, "Failed to write final report to '" + outputFile + "': " + IoErrors.describe(e));
      } catch (RuntimeException e) {
        fileOk = false;
        safeLog(log, "Failed to write final report to '" + outputFile + "': " + e.getMessage());
      }
    }
    try {
      Json.writePretty(report, stdout);
      stdout.write('\n');
      stdout.flush();
    } catch (IOException e) {
      safeLog(log, "stdout is closed; the report was not printed");
    } catch (RuntimeException e) {
      safeLog(log, "The report could not be printed: " + e);
    }
    if (outputFile != null && fileOk) {
      safeLog(log, "Final report written to '" + outputFile + "'");
    }
    return fileOk;
  }

  private static void safeLog(RunObserver log, String line) {
    try {
      log.log(line);
    } catch (RuntimeException ignored) {
      // stderr is gone too
    }
  }
}
