package servicerunner.task.ai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import servicerunner.task.TaskContext;

/** Asks the model once and validates its answer; every way this can go wrong ends as an {@link AiFailure}. */
final class Consultation {
  private Consultation() {}

  /** A validated answer and the endpoint's token usage. */
  record Answered(AiAnswer answer, ObjectNode usage) {}

  static Answered ask(AiSettings settings, TaskContext ctx, String system, String user)
      throws AiFailure, InterruptedException {
    try {
      ChatClient.Reply reply = new ChatClient(settings, ctx::checkCancelled).ask(system, user);
      return new Answered(AnswerValidator.validate(reply.content()), reply.usage());
    } catch (IllegalArgumentException e) {
      // e.g. a key with characters no HTTP header may carry; the caller masks the message like everything else
      throw new AiFailure("the AI request could not be built: " + e.getMessage(), "");
    }
  }
}
