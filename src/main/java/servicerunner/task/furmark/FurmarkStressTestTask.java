package servicerunner.task.furmark;

import servicerunner.progress.DurationProgress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import servicerunner.exec.Platform;
import servicerunner.exec.ProcessResult;
import servicerunner.exec.Termination;
import servicerunner.figures.SaturatingTime;
import servicerunner.json.Json;
import servicerunner.param.ParamSpec;
import servicerunner.param.Params;
import servicerunner.task.ProcessSummaries;
import servicerunner.task.Status;
import servicerunner.task.TaskContext;
import servicerunner.task.TaskDeclaration;
import servicerunner.task.TaskOutcome;
import servicerunner.task.ToolOutcomes;
import servicerunner.task.ToolTask;
import servicerunner.text.Text;

/**
 * GPU stress test with FurMark 2: {@code furmark --demo <demo> --width <w> --height <h> --max-time <s> <extra>}.
 *
 * <p>Timeout: the plan's timeout_seconds, else duration_seconds + 120 s (start-up, shader compilation and the final
 * report; the reference had none and relied on --max-time alone).
 */
public final class FurmarkStressTestTask extends ToolTask {
  static final Duration GRACE = Duration.ofSeconds(120);
  /** Seven days: a longer stress test is a typo, and the limit keeps every derived time finite. */
  static final double MAX_SECONDS = 7 * 24 * 3600;

  static final TaskDeclaration DECLARATION = TaskDeclaration.builder("furmark_stress_test",
          "Stresses the graphics card with FurMark 2 for a set time and reports FPS and the GPUs' peak temperature"
              + " (timeout: duration_seconds + 120 s unless timeout_seconds is set).")
      .params(
          ParamSpec.string("executable_path", "furmark.exe (FurMark 2 command-line program, not FurMark_GUI.exe);"
              + " default: furmark on PATH."),
          ParamSpec.number("duration_seconds", "How long to run (FurMark --max-time, whole seconds).").required()
              .range(1.0, MAX_SECONDS),
          ParamSpec.integer("width", "Window width in pixels.").defaultsTo(1920).range(1.0, 16384.0),
          ParamSpec.integer("height", "Window height in pixels.").defaultsTo(1080).range(1.0, 16384.0),
          ParamSpec.string("demo", "FurMark 2 demo, e.g. furmark-gl, furmark-vk.").defaultsTo("furmark-gl")
              .nonEmpty().positional(),
          ParamSpec.stringList("extra_args", "More FurMark arguments, e.g. [\"--no-gui\"].")
              .defaultsTo(Json.array()),
          ParamSpec.integer("temperature_warning_c", "A GPU peak temperature at or above this gives a warning.")
              .defaultsTo(90).range(1.0, 150.0))
      .platforms(Platform.WINDOWS, Platform.LINUX) // FurMark 2 ships Windows and Linux builds
      .timeout("duration_seconds + 120 s", p -> p != null && p.has("duration_seconds")
          ? SaturatingTime.seconds(Math.ceil(p.number("duration_seconds"))).plus(GRACE) : null)
      .example("{\"type\":\"furmark_stress_test\",\"executable_path\":\"C:\\\\Tools\\\\FurMark2\\\\furmark.exe\","
          + "\"duration_seconds\":60,\"width\":1920,\"height\":1080,\"demo\":\"furmark-gl\",\"extra_args\":[\"--no-gui\"]}")
      .verdicts("completed", "too_hot", "no_report")
      .exclusive()
      .progress(DurationProgress.of(p -> Duration.ofMillis(Math.round(p.number("duration_seconds") * 1000))))
      .build();

  public FurmarkStressTestTask() {
    super(DECLARATION, "FurMark");
  }

  @Override
  protected List<String> argv(Params p) {
    String exe = p.optString("executable_path").filter(s -> !s.isBlank()).orElse("furmark");
    List<String> argv = new ArrayList<>(List.of(exe, "--demo", p.string("demo"),
        "--width", Integer.toString(p.integer("width")), "--height", Integer.toString(p.integer("height")),
        "--max-time", Long.toString((long) p.number("duration_seconds"))));
    argv.addAll(p.stringList("extra_args"));
    return argv;
  }

  @Override
  protected TaskOutcome interpret(ProcessResult r, Params p, TaskContext ctx) {
    return decide(report(r), r.exitCode(), p.integer("temperature_warning_c"), null);
  }

  /**
   * FurMark 2 may hang after printing its report instead of exiting at --max-time (seen on Linux by another
   * harness); the stress run itself completed, so its results count, as a warning.
   */
  @Override
  protected TaskOutcome unfinished(ProcessResult r, Params p) {
    ObjectNode s = report(r);
    if (r.termination() != Termination.TIMEOUT || !s.path("report_found").asBoolean()) {
      return super.unfinished(r, p);
    }
    return decide(s, 0, p.integer("temperature_warning_c"),
        "FurMark did not exit after its report and was stopped at the timeout");
  }

  private static ObjectNode report(ProcessResult r) {
    return ProcessSummaries.addProcess(FurmarkReportParser.parse(r.stdout().text()), r);
  }

  /**
   * rc != 0: failure; no report: warning; a GPU at or above the warning temperature: warning; else success. A
   * {@code hang} note (the tool had to be stopped after its report) turns a success into a warning.
   */
  static TaskOutcome decide(ObjectNode s, int exitCode, int warnAt, String hang) {
    ObjectNode hr = s.putObject("human_readable");
    Long peak = null;
    String hottest = null;
    for (JsonNode g : s.path("gpus")) {
      if (g.path("max_temperature_c").isNumber() && (peak == null || g.path("max_temperature_c").asLong() > peak)) {
        peak = g.path("max_temperature_c").asLong();
        hottest = g.path("name").asText();
      }
    }
    if (peak != null) {
      hr.put("max_temperature_c", peak);
    }
    if (s.path("fps").path("avg").isNumber()) {
      hr.put("fps_avg", s.path("fps").path("avg").numberValue().doubleValue());
    }
    if (exitCode != 0) {
      String last = Text.lastLine(s.path("stderr_excerpt").asText());
      return TaskOutcome.failure(s, "failed", "FurMark exited with code " + exitCode + (last.isEmpty() ? "" : ": " + last));
    }
    List<String> warnings = new ArrayList<>();
    String id;
    String sentence;
    if (!s.path("report_found").asBoolean()) {
      id = "no_report";
      sentence = "FurMark ended without printing its report (frames / FPS)";
      warnings.add(sentence);
    } else {
      id = peak != null && peak >= warnAt ? "too_hot" : "completed";
      sentence = "GPU stress test completed: " + fmt(s.path("fps").path("avg")) + " FPS average"
          + (peak == null ? "" : ", peak " + peak + " \u00b0C on " + hottest);
      if (id.equals("too_hot")) {
        warnings.add("GPU reached " + peak + " \u00b0C (warning at " + warnAt + " \u00b0C): check cooling");
      }
    }
    if (hang != null) {
      warnings.add(hang);
    }
    if (!warnings.isEmpty()) {
      s.put("warning", String.join("; ", warnings));
    }
    return ToolOutcomes.of(warnings.isEmpty() ? Status.SUCCESS : Status.WARNING, s, id, sentence,
        warnings.stream().filter(w -> !w.equals(sentence)).toArray(String[]::new));
  }

  private static String fmt(JsonNode n) {
    return n.isNumber() ? n.asText() : "?";
  }
}
