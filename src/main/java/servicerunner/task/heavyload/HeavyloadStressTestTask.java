package servicerunner.task.heavyload;

import servicerunner.progress.DurationProgress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import servicerunner.exec.ProcessResult;
import servicerunner.figures.SaturatingTime;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.ToolTask;
import servicerunner.text.Text;

/**
 * CPU / memory / disk / GPU stress test with JAM Software HeavyLoad:
 * {@code HeavyLoad.exe [/CPU [n]] [/MEMORY [mb]] [/FILE [mb] [/TESTFILEPATH p]] [/GPU] [/DURATION min /AUTOEXIT]
 * [/NOGUI] /START}. HeavyLoad prints nothing; only its exit code is reported.
 *
 * <p>Timeout: the plan's timeout_seconds, else duration_minutes * 60 + 120 s (the reference had none). Every failure
 * carries an {@code error} (the reference's had none, so the app showed "Unknown error", bug B18).
 */
public final class HeavyloadStressTestTask extends ToolTask {
  static final Duration GRACE = Duration.ofSeconds(120);
  /** Seven days: a longer stress test is a typo, and the limit keeps every derived time finite. */
  static final double MAX_MINUTES = 7 * 24 * 60;
  static final int EXCERPT = 500;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("heavyload_stress_test",
          "Stresses CPU, memory, disk and/or GPU with HeavyLoad for a number of minutes and reports its exit code"
              + " (timeout: duration_minutes * 60 + 120 s unless timeout_seconds is set).")
      .windowsTool("HeavyLoad.exe; default: HeavyLoad.exe on PATH.")
      .params(
          ParamSpec.bool("stress_cpu", "Load the CPU (/CPU).").defaultsTo(false),
          ParamSpec.bool("stress_memory", "Allocate memory (/MEMORY).").defaultsTo(false),
          ParamSpec.bool("stress_disk", "Write a test file (/FILE).").defaultsTo(false),
          ParamSpec.bool("stress_gpu", "Load the GPU (/GPU).").defaultsTo(false),
          ParamSpec.number("duration_minutes", "Run time in minutes (/DURATION, whole minutes: fractions are rounded"
              + " up); required when headless.").range(0.01, MAX_MINUTES),
          ParamSpec.bool("headless", "No window and exit by itself (/NOGUI, needs duration_minutes).").defaultsTo(true),
          ParamSpec.integer("cpu_cores", "Number of cores to load (/CPU n); default all.").range(1.0, 4096.0),
          ParamSpec.integer("memory_threshold_mb", "Memory to leave free or allocate (/MEMORY n), MB.")
              .range(1.0, 16_777_216.0),
          ParamSpec.integer("disk_threshold_mb", "Test file size (/FILE n), MB.").range(1.0, 16_777_216.0),
          ParamSpec.string("testfile_path", "Folder for the disk test file (/TESTFILEPATH), disk test only.")
              .nonEmpty())
      .timeout("duration_minutes * 60 + 120 s; none without duration_minutes",
          p -> p != null && p.has("duration_minutes") ? SaturatingTime.minutes(minutes(p)).plus(GRACE) : null)
      .example("{\"type\":\"heavyload_stress_test\",\"executable_path\":\"C:\\\\Tools\\\\HeavyLoad\\\\HeavyLoad.exe\","
          + "\"duration_minutes\":1,\"headless\":true,\"stress_cpu\":true,\"stress_memory\":true}")
      .verdicts("passed")
      .progress(DurationProgress.of(p -> p.has("duration_minutes") ? Duration.ofMinutes(minutes(p)) : null))
      // combinations HeavyLoad would misread or never end with
      .rule("at least one must be true", p -> !loads(p).isEmpty(), "stress_cpu", "stress_memory", "stress_disk",
          "stress_gpu")
      .rule("required when headless is true (HeavyLoad would never end)",
          p -> !p.bool("headless") || p.has("duration_minutes"), "duration_minutes")
      .rule("only used with stress_disk: true", p -> !p.has("testfile_path") || p.bool("stress_disk"), "testfile_path")
      .exclusive()
      .build();

  public HeavyloadStressTestTask() {
    super(DECLARATION, "HeavyLoad");
  }

  static long minutes(Params p) {
    return Math.max(1, (long) Math.ceil(p.number("duration_minutes")));
  }

  /** A load in HeavyLoad's argv order: its parameter, its switch, its optional amount parameter, its name. */
  private record Load(String param, String flag, String amount, String label) {}

  private static final List<Load> LOADS = List.of(new Load("stress_cpu", "/CPU", "cpu_cores", "CPU"),
      new Load("stress_memory", "/MEMORY", "memory_threshold_mb", "memory"),
      new Load("stress_disk", "/FILE", "disk_threshold_mb", "disk"), new Load("stress_gpu", "/GPU", null, "GPU"));

  private static List<Load> loads(Params p) {
    return LOADS.stream().filter(l -> p.bool(l.param)).toList();
  }

  @Override
  protected List<String> argv(Params p) {
    List<String> a = new ArrayList<>();
    a.add(p.optString("executable_path").filter(s -> !s.isBlank()).orElse("HeavyLoad.exe"));
    for (Load l : loads(p)) {
      a.add(l.flag);
      if (l.amount != null) {
        p.optInteger(l.amount).ifPresent(n -> a.add(Integer.toString(n)));
      }
      if (l.param.equals("stress_disk")) {
        p.optString("testfile_path").ifPresent(path -> a.addAll(List.of("/TESTFILEPATH", path)));
      }
    }
    if (p.has("duration_minutes")) {
      a.addAll(List.of("/DURATION", Long.toString(minutes(p)), "/AUTOEXIT")); // /AUTOEXIT needs /DURATION
    }
    if (p.bool("headless")) {
      a.add("/NOGUI");
    }
    a.add("/START");
    return a;
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    ObjectNode s = ToolOutcomes.excerpts(intent(p), r, EXCERPT);
    if (r.exitCode() != 0) {
      String last = Text.lastLine(r.stderr().lastChars(200));
      return TaskOutcome.failure(s, "failed", "HeavyLoad exited with code " + r.exitCode()
          + (last.isEmpty() ? "" : ": " + last));
    }
    String what = loads(p).stream().map(l -> l.label).collect(Collectors.joining(" + "));
    String span = p.has("duration_minutes") ? minutes(p) + " min" : "until closed";
    s.put("message", "HeavyLoad stress test (" + what + ") finished");
    return ToolOutcomes.of(Status.SUCCESS, s, "passed", "Stress test passed: " + what + ", " + span + ", no crash");
  }

  @Override
  protected void describeUnfinished(ObjectNode s, Params p) {
    s.setAll(intent(p));
  }

  /** What was asked for, in the reference's field names (the app's generic renderer lists them). */
  static ObjectNode intent(Params p) {
    ObjectNode s = Json.object();
    s.put("duration_minutes", p.has("duration_minutes") ? minutes(p) : null);
    s.put("headless", p.bool("headless"));
    LOADS.forEach(l -> s.put(l.param, p.bool(l.param)));
    for (Load l : LOADS) {
      if (l.amount != null) {
        p.optInteger(l.amount).ifPresent(n -> s.put(l.amount, n));
      }
    }
    p.optString("testfile_path").ifPresent(t -> s.put("testfile_path", t));
    return s;
  }
}
