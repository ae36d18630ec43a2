package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The model's validated answer: entries to disable, entries to keep, and its free-form summary. */
public record AiAnswer(List<ObjectNode> toDisable, List<ObjectNode> keepEnabled, ObjectNode analysisSummary,
    List<String> notes) {}
