package servicerunner.session;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import servicerunner.control.ControlFile;
import servicerunner.control.ControlWatcher;
import servicerunner.exec.ProcessRunner;
import servicerunner.journal.Journal;
import servicerunner.journal.JournalSetup;
import servicerunner.plan.PreparedPlan;
import servicerunner.protocol.LineSink;
import servicerunner.protocol.MarkerObserver;
import servicerunner.protocol.ProgressMode;
import servicerunner.protocol.ProgressObserver;
import servicerunner.report.ReportBuilder;
import servicerunner.report.ReportOutput;
import servicerunner.run.CompositeObserver;
import servicerunner.run.RunController;
import servicerunner.run.RunEngine;
import servicerunner.run.RunHandle;
import servicerunner.run.RunObserver;
import servicerunner.run.RunOptions;

/**
 * One run with everything around it, assembled in one place for the CLI and a library user alike: the observers in
 * their order (journal first, so a task the app has seen end is already on disk when a power cut follows; then the
 * markers, the report and progress), the control-file watcher, the parent watch, and the clean-up at the end.
 *
 * <pre>{@code
 * try (RunSession s = RunSession.builder(prepared, sink, markers, stdout).outputFile(path).start()) {
 *   RunOutcome o = s.handle().await();
 * }
 * }</pre>
 */
public final class RunSession implements AutoCloseable {
  private final RunHandle handle;
  private final ReportOutput reportOutput;
  private final JournalSetup journal;
  private final ControlWatcher watcher;
  private final Optional<ParentWatch> parent;

  private RunSession(RunHandle handle, ReportOutput reportOutput, JournalSetup journal, ControlWatcher watcher,
      Optional<ParentWatch> parent) {
    this.handle = handle;
    this.reportOutput = reportOutput;
    this.journal = journal;
    this.watcher = watcher;
    this.parent = parent;
  }

  public static Builder builder(PreparedPlan plan, LineSink sink, MarkerObserver markers, OutputStream stdout) {
    return new Builder(plan, sink, markers, stdout);
  }

  public RunHandle handle() {
    return handle;
  }

  /** Whether the report reached stdout/the file (false after a defect that ended the run before it). */
  public boolean reportWritten() {
    return reportOutput.written();
  }

  /** Waits for leftover processes, then stops the watchers and closes the journal. */
  @Override
  public void close() {
    ProcessRunner.awaitCleanup(Duration.ofSeconds(3));
    parent.ifPresent(ParentWatch::close);
    journal.close();
    if (watcher != null) {
      watcher.close();
    }
  }

  /** The run's parts; {@link #start} assembles and starts them. */
  public static final class Builder {
    private final PreparedPlan plan;
    private final LineSink sink;
    private final MarkerObserver markers;
    private final OutputStream stdout;
    private Path outputFile;
    private ProgressMode progressMode = ProgressMode.STUBS;
    private Path journalPath;
    private boolean resume;
    private Path controlFile;
    private boolean watchParent;
    private String version = "dev";
    private int maxParallel;
    private RunObserver extra;
    private java.util.function.Function<ReportBuilder, RunObserver> afterReport;
    private java.util.function.Consumer<RunController> beforeStart = c -> {};

    private Builder(PreparedPlan plan, LineSink sink, MarkerObserver markers, OutputStream stdout) {
      this.plan = plan;
      this.sink = sink;
      this.markers = markers;
      this.stdout = stdout;
    }

    public Builder outputFile(Path p) {
      outputFile = p;
      return this;
    }

    public Builder progressMode(ProgressMode m) {
      progressMode = m;
      return this;
    }

    public Builder journal(Path p, boolean resumeFromIt) {
      journalPath = p;
      resume = resumeFromIt;
      return this;
    }

    public Builder controlFile(Path p) {
      controlFile = p;
      return this;
    }

    /** Stop the run when the process that started this one exits (the app's case). */
    public Builder watchParent(boolean on) {
      watchParent = on;
      return this;
    }

    /** {@code --max-parallel}: at most this many tasks at once in a parallel run; 0 leaves it to the plan. */
    public Builder maxParallel(int n) {
      maxParallel = n;
      return this;
    }

    public Builder version(String v) {
      version = v;
      return this;
    }

    /** One more observer (a library caller's), optional: its failure is logged and it is dropped. */
    public Builder observer(RunObserver o) {
      extra = o;
      return this;
    }

    /** An optional observer of the finished report (HTML, JUnit), told last; null for none. */
    public Builder afterReport(java.util.function.Function<ReportBuilder, RunObserver> f) {
      afterReport = f;
      return this;
    }

    /**
     * Called with the run's controller before the engine starts, so that a request that came earlier (a signal
     * during start-up) applies before any task can begin.
     */
    public Builder beforeStart(java.util.function.Consumer<RunController> hook) {
      beforeStart = hook;
      return this;
    }

    /** Opens the journal (a journal of another plan is refused before anything starts) and starts the run. */
    public RunSession start() throws Journal.JournalException {
      JournalSetup journal = JournalSetup.open(journalPath, resume, plan, markers);
      ReportBuilder builder = new ReportBuilder(plan.plan().metadata(), version);
      ReportOutput report = new ReportOutput(builder, stdout, outputFile, markers);
      CompositeObserver observers = new CompositeObserver();
      journal.writer().ifPresent(w -> observers.optional("journal", w));
      observers
          .required("stderr markers", markers)
          .required("report builder", builder)
          .required("report output", report)
          .required("progress", new ProgressObserver(sink, progressMode));
      if (extra != null) {
        observers.optional("observer", extra);
      }
      if (afterReport != null) {
        observers.optional("html/junit report", afterReport.apply(builder));
      }
      RunEngine engine = new RunEngine(plan, RunOptions.defaults().withMaxParallel(maxParallel), observers).resumeWith(journal.finished());
      ControlWatcher watcher = controlFile == null ? null
          : new ControlWatcher(new ControlFile(controlFile, w -> markers.log("Warning: " + w)), engine.controller(),
              ControlWatcher.DEFAULT_INTERVAL, markers::log).start();
      beforeStart.accept(engine.controller());
      RunHandle handle = engine.start();
      Optional<ParentWatch> parent = watchParent ? ParentWatch.start(engine.controller()) : Optional.empty();
      return new RunSession(handle, report, journal, watcher, parent);
    }
  }
}
