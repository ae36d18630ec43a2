package servicerunner.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import servicerunner.json.Json;

/**
 * One declared task parameter: name, JSON type, whether it is required, its default, a description for
 * {@code --list-tasks}, and optional limits (allowed strings, numeric range). Validation, defaults and the task
 * listing are all derived from these declarations.
 */
public record ParamSpec(
    String name,
    ParamKind kind,
    boolean mandatory,
    JsonNode defaultValue,
    String description,
    List<String> allowed,
    Double min,
    Double max) {

  public ParamSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public static ParamSpec of(String name, ParamKind kind, String description) {
    return new ParamSpec(name, kind, false, null, description, List.of(), null, null);
  }

  public static ParamSpec string(String name, String description) {
    return of(name, ParamKind.STRING, description);
  }

  public static ParamSpec integer(String name, String description) {
    return of(name, ParamKind.INTEGER, description);
  }

  public static ParamSpec number(String name, String description) {
    return of(name, ParamKind.NUMBER, description);
  }

  public static ParamSpec bool(String name, String description) {
    return of(name, ParamKind.BOOLEAN, description);
  }

  public static ParamSpec stringList(String name, String description) {
    return of(name, ParamKind.STRING_LIST, description);
  }

  public ParamSpec required() {
    return new ParamSpec(name, kind, true, defaultValue, description, allowed, min, max);
  }

  public ParamSpec defaultsTo(Object value) {
    return new ParamSpec(name, kind, mandatory, Json.valueToTree(value), description, allowed, min, max);
  }

  public ParamSpec oneOf(String... values) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, List.of(values), min, max);
  }

  public ParamSpec range(Double minimum, Double maximum) {
    return new ParamSpec(name, kind, mandatory, defaultValue, description, allowed, minimum, maximum);
  }

  public ParamSpec atLeast(double minimum) {
    return range(minimum, max);
  }
}
