package servicerunner.progress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.json.Json;

/**
 * One in-task progress event, the JSON object of a {@code TASK_PROGRESS:<i>:<type>:<json>} marker. Unknown parts
 * are null and left out of the JSON.
 *
 * @param heartbeat true for a liveness beat after {@code heartbeat_seconds} without a progress event; it repeats the
 *     last known percent and phase and adds {@code lastOutputAgeSeconds} and {@code cpuSeconds}
 * @param percent overall for the task, 0 to 100
 * @param elapsedSeconds since the task's first step
 * @param lastOutputAgeSeconds heartbeat only: since the task's tools last printed a line (or since its first step)
 * @param cpuSeconds heartbeat only: CPU time of the task's process trees so far; null when no tool ran
 */
public record ProgressEvent(
    boolean heartbeat,
    Double percent,
    String phase,
    Long current,
    Long total,
    String unit,
    Long etaSeconds,
    double elapsedSeconds,
    Double lastOutputAgeSeconds,
    Double cpuSeconds) {

  static ProgressEvent of(ProgressReading r, long etaSeconds, double elapsed) {
    Long eta = r.etaSeconds() != null ? r.etaSeconds() : etaSeconds < 0 ? null : etaSeconds;
    return new ProgressEvent(false, r.percent(), r.phase(), r.current(), r.total(), r.unit(), eta, elapsed, null,
        null);
  }

  /** The marker's JSON: keys in a fixed order, numbers rounded (percent 0.1, seconds 0.1). */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("kind", heartbeat ? "heartbeat" : "progress");
    if (percent != null) {
      o.put("percent", Json.round(percent, 1));
    }
    if (phase != null) {
      o.put("phase", phase);
    }
    if (current != null) {
      o.put("current", current);
    }
    if (total != null) {
      o.put("total", total);
    }
    if (unit != null) {
      o.put("unit", unit);
    }
    if (etaSeconds != null) {
      o.put("eta_seconds", etaSeconds);
    }
    o.put("elapsed_seconds", Json.round(elapsedSeconds, 1));
    if (lastOutputAgeSeconds != null) {
      o.put("last_output_age_seconds", Json.round(lastOutputAgeSeconds, 1));
    }
    if (cpuSeconds != null) {
      o.put("cpu_seconds", Json.round(cpuSeconds, 2));
    }
    return o;
  }
}
