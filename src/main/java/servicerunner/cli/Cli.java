package servicerunner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import servicerunner.exec.TreeGuard;
import servicerunner.journal.Journal;
import servicerunner.json.Json;
import servicerunner.plan.Plan;
import servicerunner.plan.PlanException;
import servicerunner.plan.PlanParser;
import servicerunner.plan.PlanSchema;
import servicerunner.plan.PreparedPlan;
import servicerunner.protocol.Ascii;
import servicerunner.protocol.LineSink;
import servicerunner.protocol.MarkerObserver;
import servicerunner.protocol.ProgressMode;
import servicerunner.protocol.StreamLineSink;
import servicerunner.protocol.TeeLineSink;
import servicerunner.report.ReportBuilder;
import servicerunner.report.ReportOutput;
import servicerunner.report.ValidationReport;
import servicerunner.run.EngineFailedException;
import servicerunner.run.RunOutcome;
import servicerunner.session.RunSession;

/** The command line: maps options to one engine run and its outputs. No run logic lives here. */
@Command(
    name = "service-runner",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a JSON plan of PC-maintenance tasks one after another, each as a child process with a timeout.",
      "Markers and progress stream on stderr; the final JSON report is the only thing on stdout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished (see overall_status in the report); --validate: the plan is valid",
      "1:the plan could not be read or is invalid, or the --resume journal is another plan's (a failure report is printed);"
          + " --validate: the plan is invalid",
      "2:wrong command line",
      "3:internal error (a defect of the runner; a failure report with the results so far is printed)",
      "129:stopped by SIGHUP; the report was still written",
      "130:stopped by Ctrl-C (SIGINT); the report was still written",
      "138/140/142:stopped by SIGUSR1 / SIGUSR2 (launcher) / SIGALRM; the report was still written",
      "143:stopped by SIGTERM; the report was still written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  service-runner plan.json --output-file report.json",
      "  service-runner '{\"tasks\":[{\"type\":\"ping_test\",\"host\":\"127.0.0.1\",\"count\":4}]}'",
      "  service-runner plan.json --html report.html --junit report.xml",
      "  service-runner plan.json --validate",
      "  service-runner plan.json --max-parallel 4   (a plan with \"parallel_execution\": true)",
      "  service-runner --list-tasks",
      "  service-runner report pc1.json pc2.json --html fleet.html"
    })
public final class Cli implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "<plan>",
      description = "Plan file, inline JSON text, or - to read the plan from stdin.")
  String plan;

  @Option(names = {"-o", "--output-file"}, paramLabel = "PATH",
      description = "Also write the report here (atomically; parent folders are created).")
  Path outputFile;

  @Option(names = "--log-file", paramLabel = "PATH", description = "Write every stderr line here too.")
  Path logFile;

  @Option(names = "--control-file", paramLabel = "PATH",
      description = "Control file to watch (default: env AUTOSERVICE_CONTROL_FILE).")
  Path controlFile;

  @Option(names = "--journal", paramLabel = "PATH",
      description = "Append one fsynced JSON line per finished task here, for --resume after a reboot or crash.")
  Path journal;

  @Option(names = "--resume",
      description = "With --journal: report the tasks the journal holds as finished and go on from the first other.")
  boolean resume;

  @Option(names = "--progress-results", paramLabel = "MODE", defaultValue = "stubs",
      description = "results in PROGRESS_JSON: stubs (default: newest result at its index, nulls before it),"
          + " full (every result, as the reference), none (omitted).")
  String progressResults;

  @Option(names = "--html", paramLabel = "PATH",
      description = "Also write a self-contained HTML report here at the end (atomically).")
  Path html;

  @Option(names = "--junit", paramLabel = "PATH",
      description = "Also write JUnit XML here at the end, one testcase per task (atomically).")
  Path junit;

  @Option(names = "--max-plan-bytes", paramLabel = "BYTES", defaultValue = DEFAULT_MAX_PLAN,
      description = "Largest plan read, in bytes (suffix K, M or G for KiB, MiB, GiB; default " + DEFAULT_MAX_PLAN
          + "). A larger plan is a plan error.")
  String maxPlanBytes;

  static final String DEFAULT_MAX_PLAN = "32M";

  @Option(names = "--max-parallel", paramLabel = "N",
      description = "With \"parallel_execution\": true in the plan: run at most N tasks at once (1 to 256; over the"
          + " plan's max_parallel; default: the number of processors, at least 2). 1 runs them one after another.")
  String maxParallel;

  @Option(names = "--list-tasks", description = "Print the task types and their parameters as JSON, then exit.")
  boolean listTasks;

  @Option(names = {"--validate", "--dry-run"},
      description = "Check the plan and say what each task would do here, without running anything: one JSON"
          + " document on stdout, exit 0 when the plan is valid, 1 when not.")
  boolean validate;

  @Option(names = "--plan-schema",
      description = "Print the JSON Schema (draft 2020-12) of a plan, generated from the task types, then exit.")
  boolean planSchema;

  private final InputStream stdin;
  private final OutputStream stdout;
  private final OutputStream stderr;
  private final Map<String, String> env;

  private SignalHandling earlySignals;
  /** --max-parallel once checked; 0 when not given. */
  private int parallel;

  public Cli(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
  }

  /** Signal handlers main installed before anything else; the run uses them instead of installing its own. */
  Cli signals(SignalHandling s) {
    this.earlySignals = s;
    return this;
  }

  /** Parses the arguments and runs; returns the exit code. */
  public int execute(String[] args) {
    CommandLine cl = new CommandLine(this).addSubcommand("report", new ReportCommand(stderr));
    PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
    cl.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println(Ascii.freeText("Usage error: " + ex.getMessage() + " (try --help)"));
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, p) -> {
          err.println(Ascii.freeText("Internal error: " + ex + " (please report this with the plan)"));
          return ExitCodes.INTERNAL;
        });
    return cl.execute(args);
  }

  /** Runs with the options already set by {@link FastArgs} (no picocli): the same as execute() after parsing. */
  int executeParsed() {
    try {
      return call();
    } catch (Exception ex) {
      usage("Internal error: " + ex + " (please report this with the plan)");
      return ExitCodes.INTERNAL;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (listTasks) {
      return print(TaskListing.all());
    }
    if (planSchema) {
      return print(PlanSchema.generate());
    }
    if (plan == null) {
      usage("Usage error: missing <plan> (try --help)");
      return ExitCodes.USAGE;
    }
    ProgressMode mode;
    try {
      mode = ProgressMode.valueOf(progressResults.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      usage("Usage error: --progress-results expects stubs, full or none, got '" + progressResults + "'");
      return ExitCodes.USAGE;
    }
    long maxPlan = ByteSize.parse(maxPlanBytes);
    if (maxPlan <= 0) {
      usage("Usage error: --max-plan-bytes expects a number of bytes greater than 0 (suffix K, M or G allowed), got '"
          + maxPlanBytes + "'");
      return ExitCodes.USAGE;
    }
    if (maxParallel != null) {
      try {
        parallel = Integer.parseInt(maxParallel.trim());
      } catch (NumberFormatException e) {
        parallel = -1;
      }
      if (parallel < 1 || parallel > 256) {
        usage("Usage error: --max-parallel expects a whole number from 1 to 256, got '" + maxParallel + "'");
        return ExitCodes.USAGE;
      }
    }
    if (validate) {
      return validatePlan(maxPlan);
    }
    Optional<String> badTarget = OutputTargets.of()
        .read("the plan", OutputTargets.planFile(plan))
        .written("--output-file", outputFile).written("--journal", journal).written("--log-file", logFile)
        .written("--html", html).written("--junit", junit)
        .read("--control-file", controlFile != null ? controlFile : controlFromEnv())
        .problem();
    if (badTarget.isPresent()) {
      usage("Usage error: " + badTarget.get());
      return ExitCodes.USAGE;
    }
    StreamLineSink err = new StreamLineSink(stderr);
    LogFileMirror mirror = LogFileMirror.open(logFile, err);
    LineSink sink = new TeeLineSink(err, mirror.sink(),
        e -> err.writeLine(Ascii.freeText("Warning: log file writing failed: " + e.getMessage())));
    MarkerObserver markers = new MarkerObserver(sink);
    if (mirror.sink() != null) {
      markers.log("Log file initialized: " + logFile);
    }
    SignalHandling signals = earlySignals != null ? earlySignals : SignalHandling.install();
    try {
      return run(sink, markers, mode, signals, maxPlan);
    } finally {
      signals.close();
      mirror.close();
    }
  }

  private int run(LineSink sink, MarkerObserver markers, ProgressMode mode, SignalHandling signals, long maxPlan)
      throws InterruptedException {
    TreeGuard.decideInBackground(); // while the plan is read
    PreparedPlan prepared;
    try {
      markers.log("-".equals(plan) ? "Reading plan from stdin"
          : PlanParser.isInline(plan) ? "Parsing as raw JSON" : "Reading from file: " + plan);
      Plan parsed = PlanParser.read(plan, stdin, maxPlan, journal != null);
      prepared = PreparedPlan.prepare(parsed);
      if (resume && journal == null) {
        markers.log("Usage error: --resume needs --journal PATH (try --help)");
        return ExitCodes.USAGE;
      }
    } catch (PlanException e) {
      for (String p : e.problems()) {
        markers.log("Plan error: " + p);
      }
      emitFailure(ReportBuilder.failure(e.problems(), Version.current()), markers);
      return ExitCodes.INVALID_PLAN;
    } catch (RuntimeException e) {
      // a defect met while reading or checking the plan: exit 3 still comes with its failure report
      String error = "Internal error: " + e + " (please report this with the plan)";
      markers.log(error);
      emitFailure(ReportBuilder.failure(List.of(error), Version.current()), markers);
      return ExitCodes.INTERNAL;
    }
    Path control = controlFile != null ? controlFile : controlFromEnv();
    RunSession session;
    try {
      session = RunSession.builder(prepared, sink, markers, stdout)
          .outputFile(outputFile).progressMode(mode).journal(journal, resume).controlFile(control)
          .watchParent(true).version(Version.current()).beforeStart(signals::attach).maxParallel(parallel)
          // last: the app's report and final marker are out before any rendering starts
          .afterReport(html == null && junit == null ? null
              : b -> ReadableSetup.observer(html, junit, b, plan, markers))
          .start();
    } catch (Journal.JournalException e) {
      markers.log("Journal error: " + e.getMessage());
      emitFailure(ReportBuilder.failure(List.of(e.getMessage()), Version.current()), markers);
      return ExitCodes.INVALID_PLAN;
    }
    try (session) {
      signals.attachHandle(session.handle());
      RunOutcome outcome = signals.awaitBounded(session.handle());
      if (outcome == null) {
        // a signal came and the run did not end in time: the report must still be written, and the process end
        markers.log("The run did not stop within " + SignalHandling.STOP_GRACE.toSeconds() + " s of the signal");
        emitFailureIfMissing(session, "the run did not stop after a signal", markers);
        return signals.signalExitCode();
      }
      return signals.exitCode(outcome, ExitCodes.OK);
    } catch (EngineFailedException e) {
      markers.log(e.getMessage() + " (please report this with the plan)");
      emitFailureIfMissing(session, e.getMessage(), markers);
      return ExitCodes.INTERNAL;
    }
  }

  private void emitFailureIfMissing(RunSession session, String error, MarkerObserver markers) {
    if (!session.reportWritten()) {
      emitFailure(ReportBuilder.failure(List.of(error), Version.current()), markers);
    }
  }

  private void emitFailure(ObjectNode report, MarkerObserver markers) {
    ReportOutput.emit(report, stdout, outputFile, markers);
    if (html != null || junit != null) {
      ReadableSetup.writeFailure(html, junit, report, markers);
    }
  }

  private Path controlFromEnv() {
    String c = env.get("AUTOSERVICE_CONTROL_FILE");
    return c == null || c.isBlank() ? null : Path.of(c);
  }

  /** A line on stderr before the marker sink exists: escaped to one ASCII line like every other. */
  private void usage(String line) {
    new PrintWriter(stderr, true, StandardCharsets.UTF_8).println(Ascii.freeText(line));
  }

  /** --validate: the plan read and checked as for a run, nothing started; the answer is the only stdout. */
  private int validatePlan(long maxPlan) {
    ObjectNode answer;
    try {
      answer = ValidationReport.of(PreparedPlan.prepare(PlanParser.read(plan, stdin, maxPlan, false)));
    } catch (PlanException e) {
      e.problems().forEach(p -> usage("Plan error: " + p));
      answer = ValidationReport.invalid(e.problems());
    }
    int printed = print(answer);
    return printed != ExitCodes.OK ? printed : answer.path("valid").asBoolean() ? ExitCodes.OK : ExitCodes.INVALID_PLAN;
  }

  private int print(JsonNode json) {
    try {
      stdout.write((Json.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8));
      stdout.flush();
    } catch (IOException e) {
      return ExitCodes.INVALID_PLAN;
    }
    return ExitCodes.OK;
  }

  /** The --log-file: created with its folders, appended to, flushed per line. Optional: failure is a warning. */
  record LogFileMirror(StreamLineSink sink) {
    static LogFileMirror open(Path path, LineSink err) {
      if (path == null) {
        return new LogFileMirror(null);
      }
      try {
        Path abs = path.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        return new LogFileMirror(new StreamLineSink(new FileOutputStream(abs.toFile(), true)));
      } catch (IOException | RuntimeException e) {
        err.writeLine(Ascii.freeText(
            "Warning: cannot open log file '" + path + "': " + e.getMessage() + "; continuing without it"));
        return new LogFileMirror(null);
      }
    }

    void close() {
      if (sink != null) {
        sink.close();
      }
    }
  }

  /** Version from the jar manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    public static String current() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"service-runner " + current()};
    }
  }

}
