package servicerunner.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every result carries {@code human_readable.verdict}, a line a technician can read; failures get one from error. */
public final class HumanReadable {
  private HumanReadable() {}

  /** Adds {@code human_readable.verdict} ("Failed: <error>", or the reason/status) when the handler set none. */
  public static TaskOutcome ensureVerdict(TaskOutcome o) {
    ObjectNode s = o.summary();
    ObjectNode hr = s.path("human_readable").isObject() ? (ObjectNode) s.get("human_readable")
        : s.putObject("human_readable");
    if (!hr.has("verdict")) {
      if (s.hasNonNull("error")) {
        hr.put("verdict", "Failed: " + s.get("error").asText());
      } else if (s.hasNonNull("reason")) {
        hr.put("verdict", s.get("reason").asText());
      } else {
        hr.put("verdict", o.status().id());
      }
    }
    return o;
  }
}
