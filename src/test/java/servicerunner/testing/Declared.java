package servicerunner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import servicerunner.json.Json;
import servicerunner.param.ParamRule;
import servicerunner.param.ParamSpec;
import servicerunner.param.ParamValidator;
import servicerunner.param.Params;
import servicerunner.task.TaskDeclaration;

/**
 * A task's parameters JSON validated against a declaration, as the plan would at {@code tasks[0]}: the validation,
 * its errors, or the params of a valid one. A declaration brings its rules; a bare spec list checks the parameters
 * alone.
 */
public final class Declared {
  private Declared() {}

  public static ParamValidator.Validation validate(TaskDeclaration d, String json) {
    return validate(d.params(), d.rules(), json, "tasks[0].");
  }

  public static ParamValidator.Validation validate(List<ParamSpec> specs, String json) {
    return validate(specs, List.of(), json, "tasks[0].");
  }

  /** {@code prefix} is what the paths in messages begin with, e.g. {@code tasks[2].}. */
  public static ParamValidator.Validation validate(List<ParamSpec> specs, List<ParamRule> rules, String json,
      String prefix) {
    try {
      return ParamValidator.validate(specs, rules, (ObjectNode) Json.parse(json), n -> prefix + n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> errors(TaskDeclaration d, String json) {
    return validate(d, json).errors();
  }

  public static List<String> errors(List<ParamSpec> specs, String json) {
    return validate(specs, json).errors();
  }

  /** The params of a JSON that must be valid (fails the test with the errors otherwise). */
  public static Params params(TaskDeclaration d, String json) {
    return valid(validate(d, json));
  }

  public static Params params(List<ParamSpec> specs, String json) {
    return valid(validate(specs, json));
  }

  private static Params valid(ParamValidator.Validation v) {
    assertEquals(List.of(), v.errors(), "errors of a JSON the test means to be valid");
    return v.params();
  }
}
