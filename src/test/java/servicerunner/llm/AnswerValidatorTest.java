package servicerunner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerValidatorTest {

  @Test
  void acceptsTheExpectedShape() throws Exception {
    AnswerValidator.Answer a = AnswerValidator.validate("{\"to_disable\":[{\"id\":\"s1\",\"name\":\"Steam\"}],"
        + "\"keep_enabled\":[{\"id\":\"s2\"}],\"analysis_summary\":{\"potential_boot_time_saving\":\"5 s\"}}");
    assertEquals(1, a.toDisable().size());
    assertEquals(1, a.keepEnabled().size());
    assertEquals("5 s", a.analysisSummary().get("potential_boot_time_saving").asText());
    assertTrue(a.notes().isEmpty());
  }

  @Test
  void toleratesAFenceAndMissingOptionalParts() throws Exception {
    AnswerValidator.Answer a = AnswerValidator.validate("```json\n{\"to_disable\":[]}\n```");
    assertEquals(0, a.toDisable().size());
    assertEquals(2, a.notes().size(), a.notes().toString());
  }

  @Test
  void rejectsMalformedAnswersWithAnExcerpt() {
    AiFailure f = assertThrows(AiFailure.class, () -> AnswerValidator.validate("Sure! Here is my analysis: Steam"));
    assertEquals("the model's answer is not valid JSON", f.getMessage());
    assertEquals("Sure! Here is my analysis: Steam", f.rawExcerpt());
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("[1,2]"));
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"keep_enabled\":[]}"));
    f = assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"to_disable\":{\"id\":\"s1\"}}"));
    assertEquals("the model's to_disable is not an array", f.getMessage());
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"to_disable\":[\"s1\"]}"));
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"to_disable\":[{\"name\":\"Steam\"}]}"));
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"to_disable\":[],\"keep_enabled\":5}"));
    assertThrows(AiFailure.class, () -> AnswerValidator.validate("{\"to_disable\":[],\"analysis_summary\":[]}"));
  }

  @Test
  void longAnswersAreCut() {
    String big = "x".repeat(5000);
    AiFailure f = assertThrows(AiFailure.class, () -> AnswerValidator.validate(big));
    assertEquals(ChatClient.EXCERPT + 3, f.rawExcerpt().length());
  }
}
