package servicerunner.task.chkdsk;

import java.nio.ByteBuffer;
import servicerunner.progress.ChkdskProgress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import servicerunner.exec.OutputEncoding;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.ProcessSpec;
import servicerunner.json.Json;
import servicerunner.param.ParamCheck;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolTask;
import servicerunner.figures.UnknownFigures;

/** chkdsk in read-only, fix (/f) or comprehensive (/f /r) mode on one drive letter. */
public final class ChkdskScanTask extends ToolTask {
  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("chkdsk_scan",
          "Checks a drive's file system with chkdsk: read_only, fix_errors (/f) or comprehensive (/f /r).")
      .params(
          ParamSpec.string("drive", "Drive letter, e.g. C: (C, c: and C:\\ are accepted).").defaultsTo("C:")
              .check(ParamCheck.drive()),
          ParamSpec.string("mode", "read_only, fix_errors (/f) or comprehensive (/f /r).")
              .oneOf("read_only", "fix_errors", "comprehensive").defaultsTo("read_only"),
          ParamSpec.bool("schedule_if_busy", "Answer Y when the volume is in use, scheduling the check for the next "
              + "restart (or dismounting a non-system volume).").defaultsTo(false),
          ParamSpec.string("encoding", "Output encoding: oem (the console code page), utf-8 or a Java charset name.")
              .defaultsTo("oem").encoding())
      .windowsTool("Path to chkdsk.exe (default: chkdsk from PATH).")
      .timeout(Duration.ofHours(1))
      .example("{\"type\":\"chkdsk_scan\",\"drive\":\"C:\",\"mode\":\"read_only\"}")
      .verdicts(Arrays.stream(ChkdskVerdict.values()).map(ChkdskVerdict::id).toArray(String[]::new))
      .diskOf("drive")
      .progress(ChkdskProgress.SOURCE)
      .build();

  /**
   * The answer to "schedule this volume ... (Y/N)". Without schedule_if_busy stdin is closed instead, so the prompt
   * reads EOF and chkdsk ends rather than waiting forever (the reference passed DEVNULL for the same reason).
   */
  static final String SCHEDULE_ANSWER = "Y\r\n";

  public ChkdskScanTask() {
    super(DECLARATION, "chkdsk");
  }

  static List<String> argv(String exe, String drive, String mode) {
    List<String> argv = new ArrayList<>(List.of(exe, drive));
    if (!"read_only".equals(mode)) {
      argv.add("/f");
    }
    if ("comprehensive".equals(mode)) {
      argv.add("/r");
    }
    return argv;
  }

  /** A lone drive letter: declared and checked at plan time. */
  private static String drive(Params p) {
    return ParamCheck.driveLetter(p.string("drive")).orElseThrow();
  }

  @Override
  protected ProcessSpec invocation(Params p, TaskContext ctx) {
    return ProcessSpec.of(argv(p.optString("executable_path").orElse("chkdsk"), drive(p), p.string("mode")))
        .withEncoding(OutputEncoding.parse(p.string("encoding")))
        .withStdin(p.bool("schedule_if_busy") ? SCHEDULE_ANSWER : null);
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    byte[] out = r.stdout().bytes();
    if (r.stderr().totalBytes() > 0) {
      byte[] err = r.stderr().bytes();
      out = ByteBuffer.allocate(out.length + 1 + err.length).put(out).put((byte) '\n').put(err).array();
    }
    TaskOutcome o = ChkdskOutputParser.parse(out, r.stdout().charset(), r.exitCode(),
        new ChkdskOutputParser.Request(drive(p), p.string("mode"), p.bool("schedule_if_busy")));
    if (o.summary().path("duration_seconds").isNull()) {
      o.summary().put("duration_seconds", Json.round(r.duration().toNanos() / 1e9, 3));
    }
    // the renderer turns a null size into "0 B" (Number(null)); left out it shows "-"
    UnknownFigures.omitNulls(o.summary(), "total_disk_kb", "in_files_kb", "in_indexes_kb", "bad_sectors_kb",
        "system_use_kb", "log_file_kb", "available_kb");
    return o;
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.put("drive", drive(p)).put("mode", p.string("mode")).put("verdict", "not_completed");
  }
}
