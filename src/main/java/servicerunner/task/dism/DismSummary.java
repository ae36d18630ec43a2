package servicerunner.task.dism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.task.Status;
import servicerunner.task.TaskOutcome;
import servicerunner.task.Verdict;

/**
 * Combines the parsed steps into the task outcome (protocol 7.2 rules, adapted): a failed step decides (error; a
 * missing repair source is a warning, as in the reference); otherwise the last step that reported a health state
 * does, so "repairable" from ScanHealth followed by a successful RestoreHealth ends as success. Exit 3010 is success
 * with {@code reboot_required: true}.
 */
public final class DismSummary {
  private DismSummary() {}

  private static final List<DismVerdict> STATE_VERDICTS =
      List.of(DismVerdict.RESTORED, DismVerdict.REPAIRABLE, DismVerdict.HEALTHY);

  public static TaskOutcome combine(List<ObjectNode> steps) {
    List<DismVerdict> verdicts = new ArrayList<>();
    boolean reboot = false;
    for (ObjectNode st : steps) {
      verdicts.add(DismVerdict.byId(st.path("verdict").asText()));
      reboot |= st.path("parsed").path("reboot_required").asBoolean(false);
    }
    DismVerdict top = null;
    for (DismVerdict v : verdicts) {
      if (v.status == Status.ERROR && (top == null || v.ordinal() < top.ordinal())) {
        top = v;
      }
    }
    if (top == null && verdicts.contains(DismVerdict.SOURCE_FILES_NOT_FOUND)) {
      top = DismVerdict.SOURCE_FILES_NOT_FOUND;
    }
    if (top == null) {
      for (DismVerdict v : verdicts) {
        if (STATE_VERDICTS.contains(v)) {
          top = v;
        }
      }
    }
    if (top == null) {
      top = verdicts.isEmpty() || verdicts.contains(DismVerdict.UNKNOWN) ? DismVerdict.UNKNOWN : DismVerdict.COMPLETED;
    }

    ObjectNode s = Json.object();
    s.putArray("steps").addAll(steps);
    s.put("verdict", top.id());
    JsonNode state = lastHealthState(steps);
    s.set("health_state", state);
    s.put("reboot_required", reboot);
    String sentence = top.sentence + (reboot && top.status == Status.SUCCESS ? " Restart Windows to finish." : "");
    List<String> notes = new ArrayList<>(steps.stream().map(st -> st.path("action").asText() + ": "
        + st.path("verdict").asText() + " (exit " + st.path("return_code").asText() + ", "
        + st.path("return_code_hex").asText() + ")").toList());
    if (top == DismVerdict.SOURCE_FILES_NOT_FOUND) {
      notes.add("Give RestoreHealth a /Source (a mounted install.wim of the same build) or check Windows Update access.");
    }
    if (top == DismVerdict.REPAIRABLE) {
      notes.add("Add \"restorehealth\" to actions to repair the component store, then run sfc_scan.");
    }
    ObjectNode hr = s.putObject("human_readable").put("verdict", sentence);
    notes.forEach(hr.putArray("notes")::add);
    if (top.status == Status.ERROR) {
      s.put("error", top.sentence);
    } else if (top.status == Status.WARNING) {
      s.put("warning", top.sentence);
    }
    return TaskOutcome.of(top.status, new Verdict(top.id(), sentence, notes), s);
  }

  private static JsonNode lastHealthState(List<ObjectNode> steps) {
    JsonNode state = Json.object().nullNode();
    for (ObjectNode st : steps) {
      JsonNode h = st.path("parsed").path("health_state");
      if (h.isTextual()) {
        state = h;
      }
    }
    return state;
  }
}
